package com.mobayilo.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import com.mobayilo.jobs.ClusterTasks;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits shared by every instance. Subjects (an email, a client address) are stored only as hashes.
 */
@Component
public class RateLimits {

    private final PostgresBuckets buckets;

    private final ClusterTasks tasks;

    private final Duration purgeInterval;

    RateLimits(DatabaseClient db, ClusterTasks tasks, @Value("${mobayilo.rate-limits.purge-interval:PT10M}") Duration purgeInterval) {
        this.buckets = new PostgresBuckets(db);
        this.tasks = tasks;
        this.purgeInterval = purgeInterval;
    }

    /** Takes one token if there is one. */
    public Mono<Verdict> consume(RateLimit limit, String subject) {
        return Mono.fromFuture(() -> bucket(limit, subject).tryConsumeAndReturnRemaining(1))
                .map(probe -> probe.isConsumed() ? Verdict.allow() : Verdict.waitFor(probe.getNanosToWaitForRefill()));
    }

    /** Tells whether a token is there without taking it. */
    public Mono<Verdict> check(RateLimit limit, String subject) {
        return Mono.fromFuture(() -> bucket(limit, subject).estimateAbilityToConsume(1))
                .map(probe -> probe.canBeConsumed() ? Verdict.allow() : Verdict.waitFor(probe.getNanosToWaitForRefill()));
    }

    /** Forgets a subject's history, for example after a successful sign-in. */
    public Mono<Void> reset(RateLimit limit, String subject) {
        return Mono.fromFuture(() -> buckets.asAsync().removeProxy(key(limit, subject)));
    }

    @Scheduled(fixedDelayString = "${mobayilo.rate-limits.purge-interval:PT10M}")
    Mono<Long> purgeExpired() {
        return tasks.runOnce("rate-limits.purge", purgeInterval, buckets::purgeExpired);
    }

    private AsyncBucketProxy bucket(RateLimit limit, String subject) {
        return buckets.asAsync().builder()
                .build(key(limit, subject), () -> CompletableFuture.completedFuture(limit.configuration()));
    }

    private static String key(RateLimit limit, String subject) {
        return limit.name() + ":" + sha256(subject);
    }

    private static String sha256(String subject) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
