package com.mobayilo.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Bucket4j's compare-and-swap proxy manager over R2DBC: bucket state lives in PostgreSQL, so every instance
 * sees the same limits (docs/decisions/0005-rate-limits-in-postgresql.md). A swap succeeds only if the row
 * still holds the state it was computed from; Bucket4j retries otherwise.
 */
class PostgresBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final DatabaseClient db;

    PostgresBuckets(DatabaseClient db) {
        super(ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
        this.db = db;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        var async = beginAsyncCompareAndSwapOperation(key);
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return async.getStateData(timeoutNanos).join();
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return async.compareAndSwap(original, updated, state, timeoutNanos).join();
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return read(key).map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture();
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return swap(key, original, updated, expiryOf(state)).toFuture();
            }
        };
    }

    private Mono<byte[]> read(String key) {
        return db.sql("select state from rate_limit_buckets where key = :key and expires_at > now()")
                .bind("key", key)
                .map(row -> bytes(row.get("state")))
                .one();
    }

    private Mono<Boolean> swap(String key, byte[] original, byte[] updated, Instant expiresAt) {
        if (original == null) {
            return db.sql("""
                    insert into rate_limit_buckets (key, state, expires_at) values (:key, :state, :expires)
                    on conflict (key) do update set state = excluded.state, expires_at = excluded.expires_at
                    where rate_limit_buckets.expires_at <= now()""")
                    .bind("key", key).bind("state", updated).bind("expires", expiresAt)
                    .fetch().rowsUpdated().map(rows -> rows == 1);
        }
        return db.sql("update rate_limit_buckets set state = :state, expires_at = :expires where key = :key and state = :original")
                .bind("key", key).bind("state", updated).bind("expires", expiresAt).bind("original", original)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private Instant expiryOf(RemoteBucketState state) {
        var ttl = getClientSideConfig().getExpirationAfterWriteStrategy()
                .map(strategy -> strategy.calculateTimeToLiveMillis(state, System.nanoTime()))
                .orElse(Duration.ofHours(1).toMillis());
        return Instant.now().plusMillis(Math.max(ttl, 1000));
    }

    private static byte[] bytes(Object column) {
        return switch (column) {
            case byte[] array -> array;
            case java.nio.ByteBuffer buffer -> {
                var copy = new byte[buffer.remaining()];
                buffer.get(copy);
                yield copy;
            }
            default -> throw new IllegalStateException("Unexpected bucket state column " + column);
        };
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return db.sql("delete from rate_limit_buckets where key = :key").bind("key", key).then().toFuture();
    }

    @Override
    public void removeProxy(String key) {
        removeAsync(key).join();
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    Mono<Long> purgeExpired() {
        return db.sql("delete from rate_limit_buckets where expires_at < now() - interval '1 minute'").fetch().rowsUpdated();
    }
}
