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
        var minutes = answered ? Math.min(startedMinutes(durationSeconds), heldMinutes) : 0;
        return new Bill(answered ? durationSeconds : 0, minutes, rate, rate.times(minutes));
    }

    /** The minutes {@code durationSeconds} of talk began: every started minute counts (61 s is 2). */
    public int startedMinutes() {
        return startedMinutes(durationSeconds);
    }

    private static int startedMinutes(int durationSeconds) {
        return (durationSeconds + 59) / 60;
    }

    /** The seconds the caller may talk when {@code minutes} are held: billed minutes then never exceed the hold. */
    public static int timeLimitSeconds(int minutes) {
        return minutes * 60;
    }
}
