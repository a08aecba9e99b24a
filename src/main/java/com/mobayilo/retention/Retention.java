package com.mobayilo.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mobayilo.events.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Deletes operational rows older than their period (docs/decisions/0036-retention.md), in batches of
 * {@code batch-size} rows so no statement holds locks for long. Rows another instance is deleting are skipped
 * ({@code skip locked}) and every condition is a cut-off in time, so instances purging at once do no harm.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<Purge> purges;

    private final int batchSize;

    private final Clock clock;

    private final MeterRegistry meters;

    Retention(DatabaseClient db, EventLog events, RetentionSettings settings, Clock clock, MeterRegistry meters) {
        this.batchSize = settings.batchSize();
        this.clock = clock;
        this.meters = meters;
        this.purges = List.of(
                new Purge("events", settings.events(), events::purge),
                new Purge("jobs", settings.jobs(), rows(db, "jobs", "done_at")),
                new Purge("failed_jobs", settings.failedJobs(), rows(db, "jobs", "failed_at")),
                new Purge("call_callbacks", settings.callCallbacks(), rows(db, "call_callbacks", "received_at")),
                new Purge("stripe_events", settings.stripeEvents(), rows(db, "stripe_events", "received_at")),
                // Live instances refresh their rows every 30 s; rows this old belong to instances that died.
                new Purge("seat_presence", settings.presence(), rows(db, "seat_presence", "seen_at")),
                new Purge("ui_session_keys", settings.sessionKeys(), rows(db, "api_keys", "kind = 'UI_SESSION' and coalesce(revoked_at, expires_at)")),
                new Purge("sign_in_tokens", settings.sessionKeys(), rows(db, "sign_in_tokens", "expires_at")));
    }

    /** Runs every purge once; answers how many rows went in all. A failing purge is logged and the others still run. */
    public Mono<Long> purge() {
        return Flux.fromIterable(purges).concatMap(this::purge).reduce(0L, Long::sum);
    }

    private Mono<Long> purge(Purge purge) {
        var before = clock.instant().minus(purge.period());
        return purge.batch().rows(before, batchSize)
                .expand(gone -> gone == batchSize ? purge.batch().rows(before, batchSize) : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(gone -> meters.counter("mobayilo.retention.purged", "table", purge.name()).increment(gone))
                .onErrorResume(ex -> {
                    log.warn("Could not purge old {}: {}", purge.name(), ex.toString());
                    return Mono.just(0L);
                });
    }

    /** One batch: the rows of {@code table} whose {@code age} (a time column or expression) is before the cut-off. */
    private static Batch rows(DatabaseClient db, String table, String age) {
        var sql = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where " + age
                + " < :before limit :limit for update skip locked))";
        return (before, limit) -> db.sql(sql).bind("before", before).bind("limit", limit).fetch().rowsUpdated();
    }

    @FunctionalInterface
    interface Batch {

        Mono<Long> rows(Instant before, int limit);
    }

    private record Purge(String name, Duration period, Batch batch) {
    }
}
