package com.mobayilo.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/** A named token bucket: {@code capacity} actions, refilled steadily over {@code period}. */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }
}
