package com.mobayilo.jobs;

import java.time.Duration;

/** A job this instance has claimed and must finish, retry or give up. */
record ClaimedJob(long id, String type, String payload, int attempts, int maxAttempts) {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    boolean isLastAttempt() {
        return attempts >= maxAttempts;
    }

    /** Exponential backoff: 10 s, 20 s, 40 s … capped at an hour. */
    Duration retryDelay() {
        var delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }
}
