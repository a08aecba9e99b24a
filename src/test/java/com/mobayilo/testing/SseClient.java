package com.mobayilo.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/** A real SSE subscriber to {@code /api/v1/events}: connects, queues what arrives, and can be closed to drop the connection. */
public final class SseClient implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final LinkedBlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();

    private final List<ServerSentEvent<String>> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final CountDownLatch connected = new CountDownLatch(1);

    private final CountDownLatch ended = new CountDownLatch(1);

    private final Disposable connection;

    private SseClient(String coreUrl, String apiKey, String lastEventId) {
        connection = WebClient.create(coreUrl).get().uri("/api/v1/events")
                .headers(headers -> {
                    headers.setBearerAuth(apiKey);
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve().bodyToFlux(SSE)
                .subscribe(event -> {
                    if ("connected".equals(event.comment())) {
                        connected.countDown();
                    }
                    if (event.comment() != null) {
                        comments.add(event);
                    }
                    if (event.id() != null) {
                        received.add(event);
                    }
                }, error -> ended.countDown(), ended::countDown);
    }

    public static SseClient connect(String coreUrl, String apiKey) {
        return connect(coreUrl, apiKey, null);
    }

    /** Connects and waits until the stream is open, so events committed afterwards are sure to arrive. */
    public static SseClient connect(String coreUrl, String apiKey, String lastEventId) {
        var client = new SseClient(coreUrl, apiKey, lastEventId);
        try {
            if (!client.connected.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("The event stream did not open");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return client;
    }

    /** The next {@code count} events, waiting up to {@code timeout} in all. */
    public List<ServerSentEvent<String>> next(int count, Duration timeout) {
        var events = new ArrayList<ServerSentEvent<String>>();
        var deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (events.size() < count) {
                var event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    break;
                }
                events.add(event);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    /** Whatever else arrives within {@code wait}: used to show nothing more came. */
    public List<ServerSentEvent<String>> drain(Duration wait) {
        return next(Integer.MAX_VALUE, wait);
    }

    /** The comment lines received so far ({@code connected}, heartbeats, a closing notice), with their {@code retry:} if any. */
    public List<ServerSentEvent<String>> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean endsWithin(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
