package com.mobayilo.bench;

import java.util.ArrayList;
import java.util.List;

import com.mobayilo.calls.SignedWebhooks;
import com.mobayilo.calls.Telephony;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2 across replicas: calls whose webhooks go to one replica, timed to their {@code call.updated} arriving at the
 * caller's SSE subscriber of another (or the same, for the baseline). Per call the voice webhook starts it (not
 * timed), then the dialled leg's {@code in-progress} and {@code completed} callbacks are each timed from before the
 * POST to the arrival of their event.
 */
public record CrossReplicaLag(SignedWebhooks twilio, String identity, String apiKey) {

    /** Milliseconds from each callback posted to {@code webhooksAt} to its event at a subscriber of {@code streamAt}. */
    public List<Double> measure(String webhooksAt, String streamAt, int calls) throws InterruptedException {
        try (var events = CallUpdates.open(WebClient.create(streamAt), apiKey)) {
            var lags = new ArrayList<Double>();
            for (int i = 0; i < calls; i++) {
                var sid = Telephony.newSid();
                assertThat(twilio.voice(webhooksAt, sid, identity, "+243812345678").body()).contains("<Dial");
                events.arrivalOf(sid, "INITIATED");
                var leg = Telephony.newSid();
                lags.add(timed(() -> twilio.status(webhooksAt, sid, leg, "in-progress", null).statusCode(), () -> events.arrivalOf(sid, "IN_PROGRESS")));
                lags.add(timed(() -> twilio.status(webhooksAt, sid, leg, "completed", 42).statusCode(), () -> events.arrivalOf(sid, "COMPLETED")));
            }
            return lags;
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
}
