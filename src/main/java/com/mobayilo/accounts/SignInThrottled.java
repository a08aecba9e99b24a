package com.mobayilo.accounts;

import java.time.Duration;

import com.mobayilo.shared.RetryLater;

/** Too many failed sign-ins for this account or from this address. */
public final class SignInThrottled extends AccountRefusal implements RetryLater {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, null, "accounts.signin.throttled", minutes(retryAfter));
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    public long minutes() {
        return minutes(retryAfter);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
