package com.mobayilo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mobayilo.calls.SignedWebhooks;
import com.mobayilo.calls.Telephony;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2 across replicas: calls whose webhooks go to one replica, timed to their {@code call.updated} arriving at the
 * caller's SSE subscriber of another (or the same, for the baseline). Per call the voice webhook starts it (not
 * timed), then the dialled leg's {@code in-progress} and {@code completed} callbacks are each timed from before the
 * POST to the arrival of their event.
 */
public record CrossReplicaLag(SignedWebhooks twilio, String identity, String apiKey) {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    /** Milliseconds from each callback posted to {@code webhooksAt} to its event at a subscriber of {@code streamAt}. */
    public List<Double> measure(String webhooksAt, String streamAt, int calls) throws InterruptedException {
        var events = new LinkedBlockingQueue<Arrival>();
        var connected = new CountDownLatch(1);
        var stream = WebClient.create(streamAt).get().uri("/api/v1/events").headers(h -> h.setBearerAuth(apiKey)).retrieve().bodyToFlux(SSE)
                .subscribe(event -> {
                    if ("connected".equals(event.comment())) {
                        connected.countDown();
                    }
                    if ("call.updated".equals(event.event())) {
                        events.add(new Arrival(event.data(), System.nanoTime()));
                    }
                });
        try {
            assertThat(connected.await(10, TimeUnit.SECONDS)).as("the stream at " + streamAt + " opened").isTrue();
            var lags = new ArrayList<Double>();
            for (int i = 0; i < calls; i++) {
                var sid = Telephony.newSid();
                assertThat(twilio.voice(webhooksAt, sid, identity, "+243812345678").body()).contains("<Dial");
                arrival(events, sid, "INITIATED");
                var leg = Telephony.newSid();
                lags.add(timed(() -> twilio.status(webhooksAt, sid, leg, "in-progress", null).statusCode(), () -> arrival(events, sid, "IN_PROGRESS")));
                lags.add(timed(() -> twilio.status(webhooksAt, sid, leg, "completed", 42).statusCode(), () -> arrival(events, sid, "COMPLETED")));
            }
            return lags;
        }
        finally {
            stream.dispose();
        }
    }

    /** The nearest-rank percentile of {@code lags}, as every benchmark reports it. */
    public static double percentile(List<Double> lags, double percentile) {
        return BenchmarkReport.percentile(lags, percentile);
    }

    private static double timed(java.util.function.IntSupplier post, java.util.function.LongSupplier arrival) {
        var started = System.nanoTime();
        assertThat(post.getAsInt()).isEqualTo(200);
        return (arrival.getAsLong() - started) / 1e6;
    }

    private static long arrival(LinkedBlockingQueue<Arrival> events, String sid, String status) {
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

    private record Arrival(String data, long nanos) {
    }
}
