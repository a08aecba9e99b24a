package com.mobayilo.calls.twilio;

import java.time.Duration;

import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.RetryLater;

/** Too many access tokens asked for; answered {@code 429} with {@code Retry-After}. */
public final class TokensThrottled extends DomainException implements RetryLater {

    private final Duration retryAfter;

    public TokensThrottled(Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, "call.token.throttled", Math.max(1, retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
