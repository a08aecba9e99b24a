package com.mobayilo.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long operational rows are kept (docs/decisions/0036-retention.md). Ledger data (journal, postings, holds,
 * calls, top-ups) has no period here: it is kept forever.
 */
@ConfigurationProperties("mobayilo.retention")
public record RetentionSettings(Duration events, Duration jobs, Duration failedJobs, Duration callCallbacks, Duration stripeEvents,
        Duration presence, Duration sessionKeys, Integer batchSize) {

    /** Stripe retries a webhook for up to three days; its event ids must be remembered at least that long. */
    static final Duration STRIPE_RETRIES = Duration.ofDays(3);

    public RetentionSettings {
        events = events == null ? Duration.ofDays(7) : events;
        jobs = jobs == null ? Duration.ofDays(7) : jobs;
        failedJobs = failedJobs == null ? Duration.ofDays(30) : failedJobs;
        callCallbacks = callCallbacks == null ? Duration.ofDays(30) : callCallbacks;
        stripeEvents = stripeEvents == null ? Duration.ofDays(30) : stripeEvents;
        presence = presence == null ? Duration.ofMinutes(10) : presence;
        sessionKeys = sessionKeys == null ? Duration.ofDays(1) : sessionKeys;
        batchSize = batchSize == null ? 5000 : batchSize;
        if (stripeEvents.compareTo(STRIPE_RETRIES) < 0) {
            throw new IllegalArgumentException("mobayilo.retention.stripe-events must be at least P3D: Stripe retries a webhook for three days");
        }
        if (presence.compareTo(Duration.ofMinutes(2)) < 0) {
            throw new IllegalArgumentException("mobayilo.retention.presence must be at least PT2M: live instances refresh their rows every 30 s");
        }
        if (batchSize < 1 || events.isNegative() || jobs.isNegative() || failedJobs.isNegative() || callCallbacks.isNegative()
                || sessionKeys.isNegative()) {
            throw new IllegalArgumentException("mobayilo.retention: periods must not be negative and batch-size must be positive");
        }
    }
}
