package com.mobayilo.companies;

import java.time.Instant;
import java.util.Optional;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

/**
 * One row of the live seat dashboard: the seat, whether it has Mobayilo open, its call under way if any, what it
 * spent today and this month (UTC) on calls that ended, and what its calls under way hold. A hold is not spent:
 * the call's end charges only the minutes used and releases the rest.
 */
public record SeatActivity(Seat seat, boolean online, Optional<LiveCall> call, Money spentToday, Money spentThisMonth, Money held) {

    public enum State {
        DISABLED, INVITED, OFFLINE, IDLE, RINGING, ON_CALL
    }

    public State state() {
        if (seat.status() == SeatStatus.DISABLED) {
            return State.DISABLED;
        }
        if (call.isPresent()) {
            return call.get().answeredAt() == null ? State.RINGING : State.ON_CALL;
        }
        if (seat.status() == SeatStatus.INVITED && !online) {
            return State.INVITED;
        }
        return online ? State.IDLE : State.OFFLINE;
    }

    /** What is left of the seat's caps (holds count against them), the smaller of today's and this month's; empty when it has none. */
    public Optional<Money> left() {
        return seat.limits(Optional.empty()).left(spentToday.plus(held), spentThisMonth.plus(held));
    }

    /** A call under way, as its company's admins see it: country, masked number, when it was answered, the rate. */
    public record LiveCall(Optional<CountryCode> country, String maskedNumber, Instant startedAt, Instant answeredAt, Money rate,
            int timeLimitSeconds) {
    }
}
