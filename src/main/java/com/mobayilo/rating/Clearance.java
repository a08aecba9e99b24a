package com.mobayilo.rating;

import com.mobayilo.shared.Money;

/** A call may start: at this rate, and spending at most {@code spendableToday} before the daily cap. */
public record Clearance(Rate rate, Money spendableToday) {

    /** Whole minutes the daily cap still allows at this rate. */
    public long minutesAllowedToday() {
        return rate.minutesFor(spendableToday);
    }
}
