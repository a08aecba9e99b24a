package com.mobayilo.ratelimit;

import java.time.Duration;

/** Whether an action may go ahead and, if not, how long until it may. */
public record Verdict(boolean allowed, Duration retryAfter) {

    static Verdict allow() {
        return new Verdict(true, Duration.ZERO);
    }

    static Verdict waitFor(long nanos) {
        return new Verdict(false, Duration.ofNanos(nanos).plusSeconds(1).withNanos(0));
    }
}
