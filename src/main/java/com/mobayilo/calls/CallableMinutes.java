package com.mobayilo.calls;

import com.mobayilo.shared.Money;

/**
 * How many whole minutes a caller can call a destination now, and what sets that number: their credit, or a cap
 * that stops the call sooner. The voice webhook holds for exactly this many minutes, so what the dialer promises
 * is what "Time left" starts at.
 *
 * @param cap the amount of the limiting cap (zero when the credit limits)
 * @param newAccountDays for {@link Limit#NEW_ACCOUNT_DAILY_CAP}, how long an account counts as new
 */
public record CallableMinutes(long minutes, Limit limit, Money cap, int newAccountDays) {

    /** What limits the minutes, from the caller's point of view. */
    public enum Limit {
        CREDIT, NEW_ACCOUNT_DAILY_CAP, DAILY_CAP, SEAT_DAILY_CAP, SEAT_MONTHLY_CAP, LONGEST_CALL
    }

    static CallableMinutes byCredit(long minutes) {
        return new CallableMinutes(minutes, Limit.CREDIT, Money.ZERO, 0);
    }

    /** The fewer minutes of the two; on a tie the credit, as it is what the caller can change at once. */
    CallableMinutes orFewer(CallableMinutes other) {
        return other.minutes < minutes ? other : this;
    }

    public boolean limitedByCredit() {
        return limit == Limit.CREDIT;
    }
}
