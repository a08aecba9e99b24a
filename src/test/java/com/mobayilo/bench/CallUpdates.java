package com.mobayilo.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller's {@code /api/v1/events} stream, open, with the moment each {@code call.updated} arrived, for the P2 benchmarks. */
final class CallUpdates implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final LinkedBlockingQueue<Arrival> events = new LinkedBlockingQueue<>();

    private final Disposable stream;

    private CallUpdates(WebClient client, String apiKey) throws InterruptedException {
        var connected = new CountDownLatch(1);
        stream = client.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(apiKey)).retrieve().bodyToFlux(SSE)
                .subscribe(event -> {
                    if ("connected".equals(event.comment())) {
                        connected.countDown();
                    }
                    if ("call.updated".equals(event.event())) {
                        events.add(new Arrival(event.data(), System.nanoTime()));
                    }
                });
        assertThat(connected.await(10, TimeUnit.SECONDS)).as("the event stream opened").isTrue();
    }

    /** Opens the stream and returns once the server has said it is connected. */
    static CallUpdates open(WebClient client, String apiKey) throws InterruptedException {
        return new CallUpdates(client, apiKey);
    }

    /** {@link System#nanoTime()} at which {@code sid}'s {@code call.updated} with {@code status} arrived; skips others. */
    long arrivalOf(String sid, String status) {
        try {
            while (true) {
                var arrival = events.poll(5, TimeUnit.SECONDS);
                if (arrival == null) {
                    throw new AssertionError("No call.updated " + status + " for " + sid + " within 5 s");
                }
                if (arrival.data().contains(sid) && arrival.data().matches("(?s).*\"status\":\\s*\"" + status + "\".*")) {
                    return arrival.nanos();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        stream.dispose();
    }

    private record Arrival(String data, long nanos) {
    }
}
