package com.mobayilo.events;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Rings after a transaction that appended events commits: at once for this instance's hub, and with
 * {@code NOTIFY mobayilo_events, '<id>'} for the others (docs/decisions/0011-event-stream.md).
 *
 * <p>The NOTIFY is sent outside the business transaction, because PostgreSQL serialises the commits of all
 * transactions that notify; and bursts are coalesced into one NOTIFY carrying the highest id, which is all a
 * listener needs since it reads the table from its horizon. If this instance dies between commit and NOTIFY,
 * the others still find the event on their next safety read.
 */
@Component
class CommitBell implements SmartLifecycle {

    static final String CHANNEL = "mobayilo_events";

    private static final Logger log = LoggerFactory.getLogger(CommitBell.class);

    private final DatabaseClient db;

    private final Sinks.Many<Long> local = Sinks.many().multicast().directBestEffort();

    private final Sinks.Many<Long> outgoing = Sinks.many().unicast().onBackpressureBuffer();

    private final AtomicLong highest = new AtomicLong();

    private volatile Disposable sending;

    CommitBell(DatabaseClient db) {
        this.db = db;
    }

    void ring(long eventId) {
        highest.accumulateAndGet(eventId, Math::max);
        local.tryEmitNext(eventId);
        outgoing.tryEmitNext(eventId);
    }

    /** Rings for events committed by this instance. */
    Flux<Long> local() {
        return local.asFlux();
    }

    @Override
    public void start() {
        sending = outgoing.asFlux()
                .onBackpressureLatest()
                .concatMap(id -> notifyOthers(), 1)
                .subscribe();
    }

    private Mono<Void> notifyOthers() {
        return db.sql("select pg_notify('" + CHANNEL + "', :id)")
                .bind("id", Long.toString(highest.get()))
                .then()
                .onErrorResume(ex -> {
                    log.warn("Could not NOTIFY other instances: {}", ex.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        var current = sending;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        var current = sending;
        return current != null && !current.isDisposed();
    }
}
