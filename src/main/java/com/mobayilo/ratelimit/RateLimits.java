package com.mobayilo.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.AsyncBucketProxy;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Rate limits shared by every instance. Subjects (an email, a client address) are stored only as hashes.
 */
@Component
public class RateLimits {

    private final PostgresBuckets buckets;

    RateLimits(DatabaseClient db) {
        this.buckets = new PostgresBuckets(db);
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
