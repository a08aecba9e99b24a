package com.mobayilo.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mobayilo.database.ListenConnections;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fans committed events out to this instance's subscribers, in log order (docs/decisions/0011-event-stream.md).
 *
 * <p>The log's order is the events' positions, given after commit by the {@link EventSequencer}, so it has no gaps
 * to wait for and is the same on every instance (docs/decisions/0032-events-in-commit-order.md). The hub reads on
 * from its horizon when its own commits ring, when another instance's NOTIFY rings, and at each poll, which also
 * places events whose writer died before it could (and tells the other instances when it did).
 */
@Component
public class EventHub implements SmartLifecycle {

    private static final int BUFFER_PER_SUBSCRIBER = 2048;

    private static final int FETCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final EventLog eventLog;

    private final Doorbell doorbell;

    private final Map<String, Set<Subscriber>> subscribersByStream = new ConcurrentHashMap<>();

    private final AtomicInteger subscriberCount = new AtomicInteger();

    private final Sinks.Many<Long> ticks = Sinks.many().multicast().directBestEffort();

    private long horizon = -1;

    private volatile Disposable running;

    private final CommitBell bell;

    private final EventSequencer sequencer;

    private final Duration pollInterval;

    private final boolean listen;

    EventHub(EventLog eventLog, CommitBell bell, EventSequencer sequencer, ListenConnections connections, MeterRegistry meters,
            @Value("${mobayilo.events.poll-interval:PT0.5S}") Duration pollInterval, @Value("${mobayilo.events.listen:true}") boolean listen,
            @Value("${mobayilo.events.listen-check-interval:PT5S}") Duration listenCheckInterval,
            @Value("${mobayilo.events.listen-check-timeout:PT2S}") Duration listenCheckTimeout) {
        this.eventLog = eventLog;
        this.bell = bell;
        this.sequencer = sequencer;
        this.doorbell = new Doorbell(connections, new ListenState(meters, pollInterval), listenCheckInterval, listenCheckTimeout);
        this.pollInterval = pollInterval;
        this.listen = listen;
        meters.gauge("mobayilo.events.subscribers", subscriberCount);
    }

    /** Follows these streams from now on. */
    public LiveSubscription subscribe(Set<String> streams) {
        synchronized (this) {
            var subscriber = new Subscriber(Set.copyOf(streams), horizon);
            streams.forEach(stream -> subscribersByStream.computeIfAbsent(stream, key -> new CopyOnWriteArraySet<>()).add(subscriber));
            subscriberCount.incrementAndGet();
            return subscriber;
        }
    }

    /**
     * Runs {@code action} (off the event loop) for every event of {@code type} on {@code stream}, for as long as
     * the returned subscription lives. After any interruption it runs the action once more, because events may
     * have been missed: the action must therefore be a reload, not an increment.
     */
    public Disposable follow(String stream, String type, Runnable action) {
        return Flux.defer(() -> subscribe(Set.of(stream)).events())
                .filter(event -> type.equals(event.type()))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(event -> action.run())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).doBeforeRetry(lost -> action.run()))
                .subscribe();
    }

    /** The position up to which every committed event has been delivered. */
    public synchronized long horizon() {
        return horizon;
    }

    @Override
    public void start() {
        long last = eventLog.lastId().block(Duration.ofSeconds(30));
        // Under the lock like every other access: subscribe() reads the horizon from other threads.
        synchronized (this) {
            horizon = last;
        }
        var fetching = ticks.asFlux()
                .onBackpressureLatest()
                .concatMap(tick -> fetchAndRelease().onErrorResume(this::fetchFailed), 1)
                .subscribe();
        var ringing = listen ? doorbell.rings().subscribe(position -> ticks.tryEmitNext(position)) : Disposables.single();
        if (!listen) {
            log.info("Not listening for other instances' events (mobayilo.events.listen=false): reading the log every {}", pollInterval);
        }
        var local = bell.local().subscribe(position -> ticks.tryEmitNext(position));
        var polling = Flux.interval(pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> sequencer.sequence().doOnNext(bell::placed).onErrorResume(this::placingFailed), 1)
                .subscribe(placed -> ticks.tryEmitNext(placed));
        running = Disposables.composite(fetching, ringing, local, polling);
    }

    /** Starts before the features that follow it. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        var current = running;
        if (current != null) {
            current.dispose();
        }
        subscribersByStream.values().stream().flatMap(Set::stream).distinct().forEach(Subscriber::complete);
    }

    @Override
    public boolean isRunning() {
        var current = running;
        return current != null && !current.isDisposed();
    }

    private Mono<Void> fetchAndRelease() {
        return Mono.defer(() -> eventLog.after(horizon(), FETCH).collectList()).doOnNext(this::accept).then();
    }

    private synchronized void accept(List<Event> fetched) {
        for (var event : fetched) {
            if (event.id() > horizon) {
                deliver(event);
                horizon = event.id();
            }
        }
        if (fetched.size() == FETCH) {
            ticks.tryEmitNext(horizon); // more to read
        }
    }

    private void deliver(Event event) {
        var subscribers = subscribersByStream.get(event.stream());
        if (subscribers != null) {
            subscribers.forEach(subscriber -> subscriber.offer(event));
        }
    }

    private Mono<Void> fetchFailed(Throwable ex) {
        log.warn("Could not read new events: {}", ex.toString());
        return Mono.empty();
    }

    private Mono<Long> placingFailed(Throwable ex) {
        log.warn("Could not place new events in the log: {}", ex.toString());
        return Mono.just(-1L);
    }

    private void remove(Subscriber subscriber) {
        if (subscriber.removed.compareAndSet(false, true)) {
            subscriber.streams.forEach(stream -> {
                var set = subscribersByStream.get(stream);
                if (set != null) {
                    set.remove(subscriber);
                }
            });
            subscriberCount.decrementAndGet();
        }
    }

    private final class Subscriber implements LiveSubscription {

        private final Set<String> streams;

        private final long horizon;

        // Grows in small chunks, so an idle subscriber costs little; a bounded count guards against slow readers.
        private final Sinks.Many<Event> sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<Event>unbounded(16).get());

        private final AtomicInteger buffered = new AtomicInteger();

        private final AtomicBoolean removed = new AtomicBoolean();

        Subscriber(Set<String> streams, long horizon) {
            this.streams = streams;
            this.horizon = horizon;
        }

        void offer(Event event) {
            if (buffered.incrementAndGet() > BUFFER_PER_SUBSCRIBER || sink.tryEmitNext(event).isFailure()) {
                sink.tryEmitError(new SubscriberTooSlow());
                remove(this);
            }
        }

        void complete() {
            sink.tryEmitComplete();
        }

        @Override
        public long horizon() {
            return horizon;
        }

        @Override
        public Set<String> streams() {
            return streams;
        }

        @Override
        public Flux<Event> events() {
            return sink.asFlux().doOnNext(event -> buffered.decrementAndGet()).doFinally(signal -> remove(this));
        }

        @Override
        public void close() {
            remove(this);
            sink.tryEmitComplete();
        }
    }
}
