package com.mobayilo.calls;

import com.mobayilo.shared.Money;

/**
 * What a call costs: every started minute of answered time at the call's rate, never more minutes than were
 * held for it. An unanswered call costs nothing.
 */
public record Bill(int durationSeconds, int billedMinutes, Money rate, Money cost) {

    public static Bill of(boolean answered, int durationSeconds, Money rate, int heldMinutes) {
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("A call cannot last " + durationSeconds + " s");
        }
        var started = answered ? (durationSeconds + 59) / 60 : 0;
        var minutes = Math.min(started, heldMinutes);
        return new Bill(answered ? durationSeconds : 0, minutes, rate, rate.times(minutes));
    }

    /** The seconds the caller may talk when {@code minutes} are held: billed minutes then never exceed the hold. */
    public static int timeLimitSeconds(int minutes) {
        return minutes * 60;
    }
}
