package com.mobayilo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2 (ledger part): latency from a balance change's commit to its arrival at an SSE subscriber of
 * {@code /api/v1/events}, while 1,000 other subscribers hold streams on the same instance. Baseline in the
 * same run: the same measurement with no other subscriber, after a discarded warm-up round. Each sample starts before the ledger call, so it
 * also includes the transaction itself.
 */
class EventLatencyBenchmark {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final int OTHERS = 1000;

    private static final int SAMPLES = 400;

    @Test
    void commitToSubscriberLatency() throws Exception {
        try (var app = TestApp.start()) {
            var client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(
                    ConnectionProvider.builder("bench").maxConnections(OTHERS + 50).pendingAcquireMaxCount(-1).build()))).baseUrl(app.coreUrl()).build();
            var measured = caller(app);
            measure(app, client, measured);
            var alone = measure(app, client, measured);
            var others = new ArrayList<Disposable>();
            var otherCallers = new ArrayList<Caller>();
            for (int i = 0; i < 10; i++) {
                otherCallers.add(caller(app));
            }
            for (int i = 0; i < OTHERS; i++) {
                others.add(client.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(otherCallers.get(others.size() % 10).key()))
                        .retrieve().bodyToFlux(SSE).subscribe());
            }
            var meters = app.bean(io.micrometer.core.instrument.MeterRegistry.class);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> meters.get("mobayilo.events.subscribers").gauge().value() >= OTHERS);
            var crowded = measure(app, client, measured);
            others.forEach(Disposable::dispose);
            BenchmarkReport.write("event-latency", """
                    ## P2 (ledger): balance change commit → SSE subscriber

                    Command: `./mvnw -Pbench verify -Dit.test=EventLatencyBenchmark`. %d balance changes, one at a time, each timed from
                    before the ledger call (so the transaction is included) to its arrival on a subscriber of `/api/v1/events`.

                    | condition | p50 | p99 | goal |
                    |---|---|---|---|
                    | with %d other subscribers connected | %.1f ms | %.1f ms | p99 ≤ 50 ms |
                    | baseline: no other subscriber | %.1f ms | %.1f ms | — |
                    """.formatted(SAMPLES, OTHERS, BenchmarkReport.percentile(crowded, 50),
                    BenchmarkReport.percentile(crowded, 99), BenchmarkReport.percentile(alone, 50), BenchmarkReport.percentile(alone, 99)));
            assertThat(crowded).hasSize(SAMPLES);
        }
    }

    private static List<Double> measure(TestApp app, WebClient client, Caller caller) throws InterruptedException {
        var arrivals = new LinkedBlockingQueue<Long>();
        var connected = new java.util.concurrent.CountDownLatch(1);
        var stream = client.get().uri("/api/v1/events").headers(h -> h.setBearerAuth(caller.key())).retrieve().bodyToFlux(SSE)
                .subscribe(event -> {
                    if ("connected".equals(event.comment())) {
                        connected.countDown();
                    }
                    if (event.id() != null) {
                        arrivals.add(System.nanoTime());
                    }
                });
        connected.await(10, TimeUnit.SECONDS);
        var ledger = app.bean(Ledger.class);
        var samples = new ArrayList<Double>();
        for (int i = 0; i < SAMPLES + 20; i++) {
            var started = System.nanoTime();
            ledger.credit(caller.wallet(), Money.cents(1), JournalEntry.of(TransactionKind.PROMOTION, "BENCH", "latency", "latency", UUID.randomUUID().toString())).block();
            var arrived = arrivals.poll(5, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new AssertionError("An event did not arrive within 5 s");
            }
            if (i >= 20) {
                samples.add((arrived - started) / 1e6);
            }
            Thread.sleep(5);
        }
        stream.dispose();
        return samples;
    }

    private static Caller caller(TestApp app) {
        var user = app.bean(Registration.class).signUp(new SignUp("bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "Bench", "bench-password-123", "US", Locale.ENGLISH)).block();
        var key = app.bean(ApiKeys.class).create(user.id(), "bench").block().secret();
        return new Caller(key, app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id());
    }

    private record Caller(String key, WalletId wallet) {
    }
}
