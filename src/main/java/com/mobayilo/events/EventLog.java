package com.mobayilo.events;

import java.time.Instant;
import java.util.Collection;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * The events table. {@link #append} joins the caller's transaction, so an event exists exactly when the
 * change it describes was committed; the {@link CommitBell} rings once that commit is done, and the event gets its
 * position in the log. Readers see an event by its position, which is its id in the stream
 * (docs/decisions/0032-events-in-commit-order.md).
 */
@Component
public class EventLog {

    private static final String COLUMNS = "position, stream, type, payload, created_at";

    private final DatabaseClient db;

    private final JsonMapper json;

    private final CommitBell bell;

    EventLog(DatabaseClient db, JsonMapper json, CommitBell bell) {
        this.db = db;
        this.json = json;
        this.bell = bell;
    }

    /** Appends an event; callers append last in their transaction, so the id is taken just before commit. */
    public Mono<Long> append(String stream, String type, Object payload) {
        return db.sql("insert into events (stream, type, payload) values (:stream, :type, :payload) returning id")
                .bind("stream", stream)
                .bind("type", type)
                .bind("payload", payloadOf(payload))
                .map(row -> row.get("id", Long.class))
                .one()
                .flatMap(id -> ringAfterCommit(id).thenReturn(id));
    }

    /**
     * A statement that appends one event per row of the CTE {@code source}, for a writer that must append in
     * the same statement as its change: the ledger, whose wallet row stays locked until commit. The statement
     * returns the event's {@code id}; hand it to {@link #appended} so the bell rings after commit.
     */
    public static String appendFrom(String source, String streamSql, String type, String payloadSql) {
        return "insert into events (stream, type, payload) select " + streamSql + ", '" + type.replace("'", "") + "', " + payloadSql
                + " from " + source + " returning id";
    }

    /** An event's payload as it is stored, to bind for a statement built with {@link #appendFrom}. */
    public Json payloadOf(Object payload) {
        return Json.of(json.writeValueAsBytes(payload));
    }

    /** Rings for an event appended with {@link #appendFrom} once the current transaction commits. */
    public Mono<Void> appended(long id) {
        return ringAfterCommit(id);
    }

    /** In a transaction, rings when it commits (and never if it rolls back); outside one, at once. */
    private Mono<Void> ringAfterCommit(long id) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> bell.ring(id));
                    }
                }))
                .switchIfEmpty(Mono.fromRunnable(() -> bell.ring(id)))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> bell.ring(id)))
                .then();
    }

    /** Every placed event after position {@code after}, up to {@code limit}, in log order. */
    Flux<Event> after(long after, int limit) {
        return db.sql("select " + COLUMNS + " from events where position > :after order by position limit :limit")
                .bind("after", after).bind("limit", limit)
                .map(EventLog::event).all();
    }

    /** The events of these streams with {@code after < position <= upTo}, in log order: a resuming subscriber's gap. */
    public Flux<Event> between(Collection<String> streams, long after, long upTo) {
        if (streams.isEmpty() || upTo <= after) {
            return Flux.empty();
        }
        return db.sql("select " + COLUMNS + " from events where stream = any(:streams) and position > :after and position <= :upTo order by position")
                .bind("streams", streams.toArray(String[]::new))
                .bind("after", after).bind("upTo", upTo)
                .map(EventLog::event).all();
    }

    /**
     * Deletes up to {@code limit} placed events created before {@code before}, and notes per stream the highest
     * position gone, in the same statement (docs/decisions/0036-retention.md). The newest event always stays: the
     * sequencer numbers on from the highest position in the table (docs/decisions/0032-events-in-commit-order.md).
     * Rows another purge holds are skipped, so instances purging at once do not wait for each other. Answers how
     * many went.
     */
    public Mono<Long> purge(Instant before, int limit) {
        return db.sql("""
                        with gone as (
                            delete from events where ctid = any(array(
                                select ctid from events
                                where created_at < :before and position is not null and position < (select max(position) from events)
                                limit :limit for update skip locked))
                            returning stream, position
                        ), marked as (
                            insert into event_purges (stream, purged_through)
                            select stream, max(position) from gone group by stream order by stream
                            on conflict (stream) do update set purged_through = greatest(event_purges.purged_through, excluded.purged_through)
                        )
                        select count(*) as gone from gone""")
                .bind("before", before).bind("limit", limit)
                .map(row -> row.get("gone", Long.class)).one();
    }

    /** Whether an event of these streams placed after {@code after} was purged: a subscriber resuming there missed it. */
    public Mono<Boolean> purgedAfter(Collection<String> streams, long after) {
        if (streams.isEmpty()) {
            return Mono.just(false);
        }
        return db.sql("select exists (select 1 from event_purges where stream = any(:streams) and purged_through > :after) as purged")
                .bind("streams", streams.toArray(String[]::new)).bind("after", after)
                .map(row -> row.get("purged", Boolean.class)).one();
    }

    Mono<Long> lastId() {
        return db.sql("select coalesce(max(position), 0) as position from events").map(row -> row.get("position", Long.class)).one();
    }

    private static Event event(Readable row) {
        return new Event(row.get("position", Long.class), row.get("stream", String.class), row.get("type", String.class),
                row.get("payload", Json.class).asString(), row.get("created_at", Instant.class));
    }
}
