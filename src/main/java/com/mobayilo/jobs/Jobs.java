package com.mobayilo.jobs;

import java.time.Duration;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL job queue (docs/decisions/0004-job-queue-on-r2dbc.md). Enqueuing joins the caller's
 * transaction, so a job exists exactly when the business change that asked for it was committed.
 */
@Component
public class Jobs {

    private final DatabaseClient db;

    private final JsonMapper json;

    Jobs(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Void> enqueue(String type, Object payload) {
        return enqueue(type, payload, Duration.ZERO);
    }

    public Mono<Void> enqueue(String type, Object payload, Duration delay) {
        return db.sql("insert into jobs (type, payload, run_at) values (:type, :payload, now() + make_interval(secs => :delay))")
                .bind("type", type)
                .bind("payload", Json.of(json.writeValueAsBytes(payload)))
                .bind("delay", (double) delay.toMillis() / 1000)
                .then();
    }

    /**
     * Enqueues unless a job of {@code type} enqueued this way is still to run or being retried: for periodic work that
     * any instance may start, so the instances do not queue one each. A partial unique index decides (V14), so
     * instances enqueuing at the same moment never queue two. True when it was enqueued.
     */
    public Mono<Boolean> enqueueUnlessWaiting(String type, Object payload) {
        return db.sql("""
                        insert into jobs (type, payload, singleton) values (:type, :payload, true)
                        on conflict (type) where singleton and done_at is null and failed_at is null do nothing""")
                .bind("type", type)
                .bind("payload", Json.of(json.writeValueAsBytes(payload)))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }
}
