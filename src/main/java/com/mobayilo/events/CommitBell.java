package com.mobayilo.events;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Rings after a transaction that appended events commits: it has the {@link EventSequencer} place them in the log,
 * then rings this instance's hub at once and the others with {@code NOTIFY mobayilo_events, '<position>'}
 * (docs/decisions/0011-event-stream.md, 0032-events-in-commit-order.md).
 *
 * <p>Placing and the NOTIFY run outside the business transaction, because PostgreSQL serialises the commits of all
 * transactions that notify; bursts are coalesced, since one placing covers every event committed before it and one
 * NOTIFY with the highest position is all a listener needs. If this instance dies between commit and placing, the
 * others' polls place the events and notify.
 */
@Component
class CommitBell implements SmartLifecycle {

    static final String CHANNEL = "mobayilo_events";

    private static final Logger log = LoggerFactory.getLogger(CommitBell.class);

    private final DatabaseClient db;

    private final EventSequencer sequencer;

    // Rings come from afterCommit on many threads at once, and a ring must never fail there: it would turn a committed
    // change into an error for its caller. A unicast sink over a multi-producer queue takes concurrent offers without
    // the serialising check that a busy spin could only postpone (one thread drains while the others enqueue).
    private final Sinks.Many<Long> committed = Sinks.unsafe().many().unicast().onBackpressureBuffer(Queues.<Long>unboundedMultiproducer().get());

    private final Sinks.Many<Long> local = Sinks.many().multicast().directBestEffort();

    private final Sinks.Many<Long> outgoing = Sinks.unsafe().many().unicast().onBackpressureBuffer(Queues.<Long>unboundedMultiproducer().get());

    private final AtomicLong highest = new AtomicLong();

    private volatile Disposable running;

    CommitBell(DatabaseClient db, EventSequencer sequencer) {
        this.db = db;
        this.sequencer = sequencer;
    }

    /** An event appended here has committed. */
    void ring(long eventId) {
        emit(committed, eventId);
    }

    /** Events were placed in the log up to {@code position} (0: none): the other instances are told. */
    void placed(long position) {
        if (position > 0) {
            highest.accumulateAndGet(position, Math::max);
            emit(outgoing, position);
        }
    }

    private static void emit(Sinks.Many<Long> sink, long value) {
        var result = sink.tryEmitNext(value);
        if (result.isFailure()) {
            // Only once stopped: the others' polls place and announce what this instance no longer can.
            log.debug("Bell not rung for {}: {}", value, result);
        }
    }

    /** Rings once events committed by this instance are placed in the log. */
    Flux<Long> local() {
        return local.asFlux();
    }

    @Override
    public void start() {
        var placing = committed.asFlux()
                .onBackpressureLatest()
                .concatMap(id -> sequencer.sequence().onErrorResume(this::placingFailed), 1)
                .subscribe(position -> {
                    local.tryEmitNext(position);
                    placed(position);
                });
        var sending = outgoing.asFlux()
                .onBackpressureLatest()
                .concatMap(position -> notifyOthers(), 1)
                .subscribe();
        running = Disposables.composite(placing, sending);
    }

    private Mono<Long> placingFailed(Throwable ex) {
        // The next ring or any instance's poll places them.
        log.warn("Could not place committed events in the log: {}", ex.toString());
        return Mono.just(0L);
    }

    private Mono<Void> notifyOthers() {
        return db.sql("select pg_notify('" + CHANNEL + "', :position)")
                .bind("position", Long.toString(highest.get()))
                .then()
                .onErrorResume(ex -> {
                    log.warn("Could not NOTIFY other instances: {}", ex.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        var current = running;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        var current = running;
        return current != null && !current.isDisposed();
    }
}
