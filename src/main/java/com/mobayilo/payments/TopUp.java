package com.mobayilo.payments;

import java.time.Instant;
import java.util.Locale;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;

/**
 * One purchase of credit. It is credited once, when Stripe confirms the payment, for exactly the amount the
 * person chose; refunds are booked by how much more was refunded than before.
 */
public record TopUp(TopUpId id, WalletId wallet, UserId payer, Money amount, TopUpStatus status, String checkoutSessionId,
        String paymentIntentId, String cardBrand, String cardLast4, Money refunded, Locale language, Instant createdAt, Instant paidAt) {

    public static TopUp open(WalletId wallet, UserId payer, Money amount, Locale language, Instant now) {
        return new TopUp(TopUpId.random(), wallet, payer, TopUpAmount.of(amount), TopUpStatus.OPEN, null, null, null, null, Money.ZERO,
                language, now, null);
    }

    /** Paid: true when this payment is new and the wallet is to be credited. */
    public boolean needsCredit() {
        return status != TopUpStatus.PAID;
    }

    /** Whether {@code paid} (what Stripe charged, in cents of {@code currency}) is exactly what was chosen. */
    public boolean matches(Money paid, String currency) {
        return amount.equals(paid) && Money.CURRENCY.getCurrencyCode().equalsIgnoreCase(currency);
    }

    /** The part of a cumulative refund not booked yet; zero when it was (an old or repeated event). */
    public Money refundDelta(Money refundedSoFar) {
        var delta = refundedSoFar.minus(refunded);
        return delta.isPositive() ? delta : Money.ZERO;
    }

    public boolean isPaid() {
        return status == TopUpStatus.PAID;
    }
}
