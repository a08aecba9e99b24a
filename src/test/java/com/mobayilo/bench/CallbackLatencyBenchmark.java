package com.mobayilo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.User;
import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P2: from a signed status callback posted to {@code /webhooks/twilio/status} to the {@code call.updated} event
 * it causes arriving at the caller's SSE subscriber of {@code /api/v1/events}, while 1,000 idle subscribers hold
 * streams on the same instance. Each call is started by the voice webhook (not timed), then answered
 * ({@code in-progress}) and completed (settled: capture, release, two events), each callback timed from
 * before its POST to its event's arrival. Baseline in the same run: the same with no other subscriber,
 * alternating with the crowded measurement, after a discarded warm-up; also reported, the callback's own
 * HTTP round trip.
 */
class CallbackLatencyBenchmark {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final int OTHERS = 1000;

    private static final int CALLS = 500;

    private static final int RUNS = 3;

    @Test
    void statusCallbackToSubscriberLatency() throws Exception {
        try (var app = TestApp.start()) {
            CallLoad.allowManyCalls(app);
            var client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(
                    ConnectionProvider.builder("bench").maxConnections(OTHERS + 50).pendingAcquireMaxCount(-1).build()))).baseUrl(app.coreUrl()).build();
            var phone = new Telephony(app);
            var caller = phone.caller(100_000_000);
            var key = app.bean(ApiKeys.class).create(caller.id(), "bench").block().secret();
            var otherKeys = new ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                otherKeys.add(app.bean(ApiKeys.class).create(phone.caller(0).id(), "bench").block().secret());
            }
            measure(client, phone, caller, key);
            var crowded = new Samples();
            var alone = new Samples();
            for (int run = 0; run < RUNS; run++) {
                alone.add(measure(client, phone, caller, key));
                var others = subscribe(client, otherKeys, app.bean(MeterRegistry.class));
                crowded.add(measure(client, phone, caller, key));
                others.forEach(Disposable::dispose);
            }
            BenchmarkReport.write("callback-latency", """
                    ## P2: status callback → `call.updated` at the caller's SSE subscriber

                    Command: `./mvnw -Pbench verify -Dit.test=CallbackLatencyBenchmark`. Per run %d calls, one at a time: the voice
                    webhook starts the call (not timed), then two signed status callbacks of the dialled leg, `in-progress` and
                    `completed` (which also settles the call: capture, release, `balance.changed`), each timed from before its POST to
                    the arrival of its `call.updated` on the caller's stream of `/api/v1/events` (Bearer API key). %d runs, alternating
                    with the baseline; milliseconds, median of the runs (min–max); %d samples per condition.

                    | condition | p50 | p99 | max | goal |
                    |---|---|---|---|---|
                    | callback → event, %d idle subscribers connected | %s | %s | %s | p99 ≤ 50 ms |
                    | baseline: callback → event, no other subscriber | %s | %s | %s | — |
                    | the callback's HTTP round trip alone, crowded | %s | %s | %s | — |

                    Crowded / baseline p99: %.2f.
                    """.formatted(CALLS, RUNS, crowded.count(), OTHERS, crowded.event(50), crowded.event(99), crowded.event(100),
                    alone.event(50), alone.event(99), alone.event(100), crowded.post(50), crowded.post(99), crowded.post(100),
                    crowded.median(99) / alone.median(99)));
            assertThat(crowded.count()).isGreaterThanOrEqualTo(1000);
        }
    }

    private static List<Disposable> subscribe(WebClient client, List<String> keys, MeterRegistry meters) {
        var subscribers = new ArrayList<Disposable>();
        for (int i = 0; i < OTHERS; i++) {
            var key = keys.get(i % keys.size());
            subscribers.add(client.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(key)).retrieve().bodyToFlux(SSE).subscribe());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> meters.get("mobayilo.events.subscribers").gauge().value() >= OTHERS);
        return subscribers;
    }

    /** One measurement: per callback, milliseconds to its event and to its HTTP answer. */
    private static Run measure(WebClient client, Telephony phone, User caller, String key) throws InterruptedException {
        var events = CallUpdates.open(client, key);
        var run = new Run(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < CALLS; i++) {
            var sid = Telephony.newSid();
            assertThat(phone.voice(sid, caller, "+243812345678").body()).contains("<Dial");
            events.arrivalOf(sid, "INITIATED");
            var leg = Telephony.newSid();
            run.time(() -> phone.status(sid, leg, "in-progress", null).statusCode(), () -> events.arrivalOf(sid, "IN_PROGRESS"));
            run.time(() -> phone.status(sid, leg, "completed", 42).statusCode(), () -> events.arrivalOf(sid, "COMPLETED"));
            Thread.sleep(2);
        }
        events.close();
        return run;
    }

    private record Run(List<Double> toEvent, List<Double> toAnswer) {

        void time(java.util.function.IntSupplier post, java.util.function.LongSupplier arrival) {
            var started = System.nanoTime();
            assertThat(post.getAsInt()).isEqualTo(200);
            var answered = System.nanoTime();
            toEvent.add((arrival.getAsLong() - started) / 1e6);
            toAnswer.add((answered - started) / 1e6);
        }
    }

    /** The runs of one condition: percentiles per run, reported as the median of the runs (min–max). */
    private static final class Samples {

        private final List<Run> runs = new ArrayList<>();

        void add(Run run) {
            runs.add(run);
        }

        int count() {
            return runs.stream().mapToInt(run -> run.toEvent().size()).sum();
        }

        String event(double percentile) {
            return BenchmarkReport.spread(runs.stream().map(run -> BenchmarkReport.percentile(run.toEvent(), percentile)).toList(), "%.1f");
        }

        double median(double percentile) {
            return BenchmarkReport.median(runs.stream().map(run -> BenchmarkReport.percentile(run.toEvent(), percentile)).toList());
        }

        String post(double percentile) {
            return BenchmarkReport.spread(runs.stream().map(run -> BenchmarkReport.percentile(run.toAnswer(), percentile)).toList(), "%.1f");
        }
    }
}
