package com.mobayilo.wallet;

import java.time.Instant;

import com.mobayilo.shared.Money;

/**
 * A reservation of credit, for example for the call it covers. It is captured once (for at most its amount,
 * the rest returning to available credit), or released, or it expires; after that it never changes.
 */
public record Hold(HoldId id, WalletId wallet, Money amount, Memo reason, String reference, HoldStatus status,
        Money captured, Instant expiresAt) {

    public static Hold place(WalletId wallet, Money amount, Memo reason, String reference, Instant expiresAt) {
        Amounts.requirePositive(amount);
        return new Hold(HoldId.newId(), wallet, amount, reason, reference, HoldStatus.ACTIVE, null, expiresAt);
    }

    /** The same hold, placed for {@code placed} instead: what the wallet had room for. */
    Hold resized(Money placed) {
        Amounts.requirePositive(placed);
        return new Hold(id, wallet, placed, reason, reference, status, captured, expiresAt);
    }

    public boolean isActive() {
        return status == HoldStatus.ACTIVE;
    }

    public Hold capture(Money charge) {
        requireActive();
        if (charge.isNegative() || charge.isGreaterThan(amount)) {
            throw new CaptureExceedsHold(charge, amount);
        }
        return new Hold(id, wallet, amount, reason, reference, HoldStatus.CAPTURED, charge, expiresAt);
    }

    public Hold release() {
        requireActive();
        return new Hold(id, wallet, amount, reason, reference, HoldStatus.RELEASED, null, expiresAt);
    }

    public Hold expire(Instant now) {
        requireActive();
        if (now.isBefore(expiresAt)) {
            throw new IllegalStateException("Hold " + id + " does not expire before " + expiresAt);
        }
        return new Hold(id, wallet, amount, reason, reference, HoldStatus.EXPIRED, null, expiresAt);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new HoldNotActive(id, status);
        }
    }
}
