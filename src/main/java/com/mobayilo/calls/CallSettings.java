package com.mobayilo.calls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call limits: the longest call anyone may make (the hold covers at most this many minutes), how long browser
 * access tokens live, and when a call with no ending is looked up at the carrier: still ringing
 * {@code ringingLookupAfter} after it was placed, still talking {@code overrunLookupAfter} past its own time limit,
 * or, whatever its state, older than the longest call plus {@code staleGrace}
 * (docs/decisions/0035-behaviour-under-database-faults.md).
 */
@ConfigurationProperties("mobayilo.calls")
public record CallSettings(Integer maxMinutes, Duration tokenTtl, Duration staleGrace, Duration ringingLookupAfter, Duration overrunLookupAfter) {

    public CallSettings {
        maxMinutes = maxMinutes == null ? 120 : maxMinutes;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        staleGrace = staleGrace == null ? Duration.ofMinutes(15) : staleGrace;
        ringingLookupAfter = ringingLookupAfter == null ? Duration.ofMinutes(2) : ringingLookupAfter;
        overrunLookupAfter = overrunLookupAfter == null ? Duration.ofMinutes(1) : overrunLookupAfter;
        if (maxMinutes < 1 || tokenTtl.isNegative() || tokenTtl.compareTo(Duration.ofHours(1)) > 0 || tokenTtl.toSeconds() < 60) {
            throw new IllegalArgumentException("mobayilo.calls: max-minutes must be positive and token-ttl between 1 minute and 1 hour");
        }
        if (ringingLookupAfter.isNegative() || overrunLookupAfter.isNegative()) {
            throw new IllegalArgumentException("mobayilo.calls: ringing-lookup-after and overrun-lookup-after must not be negative");
        }
    }

    /** A call with no ending after this long is fetched from the carrier. */
    public Duration staleAfter() {
        return Duration.ofMinutes(maxMinutes).plus(staleGrace);
    }

    /** Holds outlive stale calls by a margin, so the stale-call job settles a call before its hold could expire. */
    public Duration holdLifetime() {
        return staleAfter().plus(Duration.ofHours(2));
    }
}
