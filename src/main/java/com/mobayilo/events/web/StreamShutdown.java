package com.mobayilo.events.web;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/**
 * When the process is asked to stop, every open event stream ends at once with a {@code retry:} hint, so that its
 * client reconnects to another replica (the pod has left the Service by then) instead of the graceful shutdown
 * waiting its whole phase for streams that never end. The hints are spread over {@link #RECONNECT_SPREAD} so that a
 * replica's clients do not all land on the others in the same instant (docs/decisions/0037-kubernetes-layout.md).
 * Its phase is the highest, so it stops before the web server starts its graceful shutdown.
 */
@Component
class StreamShutdown implements SmartLifecycle {

    static final Duration RECONNECT_SPREAD = Duration.ofMillis(1500);

    private static final Duration RECONNECT_AFTER = Duration.ofMillis(250);

    /** How long the stop waits for the closing comments to be written before the server shuts down. */
    private static final Duration FLUSH = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(StreamShutdown.class);

    private final Sinks.One<Boolean> closing = Sinks.one();

    private final AtomicInteger open = new AtomicInteger();

    private volatile boolean running;

    /** {@code stream} until it ends by itself or the process stops; in the latter case a last comment says when to reconnect. */
    Flux<ServerSentEvent<String>> untilShutdown(Flux<ServerSentEvent<String>> stream) {
        return Flux.defer(() -> {
            open.incrementAndGet();
            return stream.takeUntilOther(closing.asMono())
                    .concatWith(Mono.fromCallable(() -> running ? null : goodbye()))
                    .doFinally(signal -> open.decrementAndGet());
        });
    }

    private static ServerSentEvent<String> goodbye() {
        var retry = RECONNECT_AFTER.plusMillis(ThreadLocalRandom.current().nextLong(RECONNECT_SPREAD.toMillis()));
        return ServerSentEvent.<String>builder().comment("shutting down").retry(retry).build();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        var streams = open.get();
        closing.tryEmitValue(true);
        var deadline = System.nanoTime() + FLUSH.toNanos();
        while (open.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.info("Shutting down: ended {} event streams with a retry hint ({} still closing)", streams, open.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
