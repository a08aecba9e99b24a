package com.mobayilo.calls;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.Rate;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.HoldId;
import com.mobayilo.wallet.WalletId;

/**
 * One outgoing call: who called where, at what rate, the minutes held for it, and, once it ended, what it cost.
 * Status moves only forward; the first terminal status settles the call, and nothing changes after that.
 */
public record Call(UUID id, String callSid, UserId caller, WalletId wallet, String destination, CountryCode country, String numberType,
        String description, Money rate, CallStatus status, Refusal refusal, int heldMinutes, HoldId hold, String callerNumber,
        Instant createdAt, Instant answeredAt, Instant endedAt, Integer durationSeconds, Integer billedMinutes, Money cost,
        UUID company) {

    /** A call cleared to ring, with {@code minutes} held on the caller's wallet. */
    public static Call connecting(String callSid, UserId caller, WalletId wallet, PhoneNumber number, Rate rate, int minutes, HoldId hold,
            String callerNumber, Instant now) {
        return new Call(UUID.randomUUID(), callSid, caller, wallet, number.e164(), number.country(), number.type().name(), rate.description(),
                rate.perMinute(), CallStatus.INITIATED, null, minutes, hold, callerNumber, now, null, null, null, null, null, null);
    }

    /** A call that was not connected, and why; it costs nothing. */
    public static Call refused(String callSid, UserId caller, String destination, PhoneNumber number, Refusal refusal, Instant now) {
        return new Call(UUID.randomUUID(), callSid, caller, null, number == null ? destination : number.e164(),
                number == null ? null : number.country(), number == null ? null : number.type().name(), null, null, CallStatus.REFUSED, refusal,
                0, null, null, now, null, now, 0, 0, Money.ZERO, null);
    }

    /** The same call, made by a member of {@code company}: its admins watch it live and count it in reports. */
    public Call madeFor(UUID companyId) {
        return new Call(id, callSid, caller, wallet, destination, country, numberType, description, rate, status, refusal, heldMinutes, hold,
                callerNumber, createdAt, answeredAt, endedAt, durationSeconds, billedMinutes, cost, companyId);
    }

    public java.util.Optional<UUID> companyOf() {
        return java.util.Optional.ofNullable(company);
    }

    /** The call after a non-terminal status report; itself when the report is stale. */
    public Call progress(CallStatus next, Instant at) {
        if (next.isTerminal()) {
            throw new IllegalArgumentException("A terminal status settles the call: " + next);
        }
        if (!status.canMoveTo(next)) {
            return this;
        }
        var answered = next == CallStatus.IN_PROGRESS && answeredAt == null ? at : answeredAt;
        return with(next, answered, endedAt, durationSeconds, billedMinutes, cost);
    }

    /**
     * The call ended with {@code terminal}, having talked {@code durationSeconds} (Twilio's CallDuration).
     * Itself when it had already ended.
     */
    public Call end(CallStatus terminal, int durationSeconds, Instant at) {
        if (!terminal.isTerminal() || terminal == CallStatus.REFUSED) {
            throw new IllegalArgumentException("Not an end of a call: " + terminal);
        }
        if (status.isTerminal()) {
            return this;
        }
        var answered = terminal == CallStatus.COMPLETED && durationSeconds > 0;
        var bill = Bill.of(answered, durationSeconds, rate, heldMinutes);
        var answeredTime = answered ? (answeredAt != null ? answeredAt : at.minusSeconds(durationSeconds)) : null;
        return with(terminal, answeredTime, at, bill.durationSeconds(), bill.billedMinutes(), bill.cost());
    }

    public boolean isLive() {
        return !status.isTerminal();
    }

    public Bill bill() {
        return new Bill(durationSeconds == null ? 0 : durationSeconds, billedMinutes == null ? 0 : billedMinutes, rate, cost == null ? Money.ZERO : cost);
    }

    /** Most the call may cost: its held minutes at its rate. */
    public Money heldAmount() {
        return rate == null ? Money.ZERO : rate.times(heldMinutes);
    }

    public int timeLimitSeconds() {
        return Bill.timeLimitSeconds(heldMinutes);
    }

    private Call with(CallStatus newStatus, Instant answered, Instant ended, Integer duration, Integer minutes, Money newCost) {
        return new Call(id, callSid, caller, wallet, destination, country, numberType, description, rate, newStatus, refusal, heldMinutes, hold,
                callerNumber, createdAt, answered, ended, duration, minutes, newCost, company);
    }
}
