package com.mobayilo.accounts;

import java.time.Duration;

import com.mobayilo.shared.RetryLater;

/** Too many requests of one kind (such as reset links) from one client address. */
public final class TooManyRequests extends AccountRefusal implements RetryLater {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, null, "accounts.requests.throttled", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
