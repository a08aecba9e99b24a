package com.mobayilo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.User;
import com.mobayilo.calls.Telephony;
import com.mobayilo.companies.SeatBoard;
import com.mobayilo.companies.SeatSettings;
import com.mobayilo.companies.TestCompany;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.LedgerCheck;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's company figures. (1) 200 seats of ONE company settle their calls at once: each seat's call is
 * started by the signed voice webhook (not timed), then all 200 `completed` callbacks are posted concurrently
 * over HTTP and timed until the last answer; baseline in the same run: 200 individuals, each on their own
 * wallet. After all runs the company wallet must equal its credit minus what its calls cost, with the ledger
 * consistent (zero drift). (2) The admin dashboard's update latency with those 200 seats active: a seat's
 * `in-progress` callback posted → `call.updated` on the admin's company stream, plus the dashboard's re-read of
 * all 200 seats ({@code SeatBoard.of}).
 */
class CompanyBenchmark {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final int SEATS = 200;

    private static final int RUNS = 5;

    private static final String DESTINATION = "+243812345678";

    @Test
    void twoHundredSeatsSettleOnOneCompanyWallet() throws Exception {
        try (var app = TestApp.start()) {
            CallLoad.allowManyCalls(app);
            var phone = new Telephony(app);
            var company = TestCompany.create(app, 100_000_000);
            var seats = new ArrayList<User>();
            var individuals = new ArrayList<User>();
            for (int i = 0; i < SEATS; i++) {
                seats.add(company.seat(SeatSettings.UNCAPPED));
                individuals.add(phone.caller(1_000_000));
            }
            var start = company.balance().balance().cents();
            settle(phone, seats);
            var hot = new ArrayList<Double>();
            var spread = new ArrayList<Double>();
            var costs = 0L;
            for (int run = 0; run < RUNS; run++) {
                var round = settle(phone, seats);
                hot.add(round.perSecond());
                costs += round.cost();
                spread.add(settle(phone, individuals).perSecond());
            }
            var report = app.bean(LedgerCheck.class).run().block();
            assertThat(report.isConsistent()).as(report.toString()).isTrue();
            var firstRoundCost = 44L * SEATS;
            var drift = start - firstRoundCost - costs - company.balance().balance().cents();
            assertThat(drift).isZero();
            var latency = dashboardLatency(app, phone, company, seats);
            BenchmarkReport.write("company", """
                    ## Companies: 200 seats settling on one company wallet, and the live dashboard

                    Command: `./mvnw -Pbench verify -Dit.test=CompanyBenchmark`. One company, %d seats, each with a call started by the
                    signed voice webhook (not timed); then the %d `completed` status callbacks are posted at once over HTTP (signed,
                    real settlement: capture, release, events) and timed to the last answer. %d runs, median (min–max); baseline in
                    the same run: %d individuals, one wallet each.

                    | load | settlements/s | goal |
                    |---|---|---|
                    | one company wallet, %d seats | %.0f (%.0f–%.0f) | ≥ 500/s, zero drift |
                    | baseline: %d individual wallets | %.0f (%.0f–%.0f) | — |

                    Company / baseline: %.2f. Drift: %d cents (company wallet = credit − what its calls cost), ledger check consistent.

                    Dashboard with the %d seats active (each with a live call), %d samples: a seat's `in-progress` callback posted →
                    its `call.updated` on the admin's company stream: p50 %.1f ms, p99 %.1f ms; the dashboard's re-read of all seats
                    (`SeatBoard.of`): p50 %.1f ms, p99 %.1f ms. Goal: visible within a second of the webhook.
                    """.formatted(SEATS, SEATS, RUNS, SEATS, SEATS, median(hot), min(hot), max(hot), SEATS, median(spread), min(spread), max(spread),
                    median(hot) / median(spread), drift, SEATS, latency.events().size(), percentile(latency.events(), 50),
                    percentile(latency.events(), 99), percentile(latency.reads(), 50), percentile(latency.reads(), 99)));
        }
    }

    private record Round(double perSecond, long cost) {
    }

    /** Starts one call per caller, then posts every `completed` callback at once; settlements per second. */
    private static Round settle(Telephony phone, List<User> callers) throws Exception {
        var sids = new ArrayList<String>();
        for (var caller : callers) {
            var sid = Telephony.newSid();
            assertThat(phone.voice(sid, caller, DESTINATION).body()).contains("<Dial");
            sids.add(sid);
        }
        var begin = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(callers.size())) {
            var answers = sids.stream().map(sid -> CompletableFuture.supplyAsync(() -> phone.status(sid, "CH" + sid.substring(2), "completed", 61).statusCode(),
                    pool)).toList();
            answers.forEach(answer -> assertThat(answer.join()).isEqualTo(200));
        }
        var seconds = (System.nanoTime() - begin) / 1e9;
        return new Round(callers.size() / seconds, 44L * callers.size());
    }

    private record Latency(List<Double> events, List<Double> reads) {
    }

    private static Latency dashboardLatency(TestApp app, Telephony phone, TestCompany company, List<User> seats) throws Exception {
        var key = app.bean(ApiKeys.class).create(company.admin().id(), "bench").block().secret();
        var arrivals = new LinkedBlockingQueue<String>();
        var connected = new CountDownLatch(1);
        var stream = WebClient.create(app.coreUrl()).get().uri("/api/v1/events").headers(h -> h.setBearerAuth(key)).retrieve().bodyToFlux(SSE)
                .subscribe(event -> {
                    if ("connected".equals(event.comment())) {
                        connected.countDown();
                    }
                    if ("call.updated".equals(event.event()) && event.data().contains("IN_PROGRESS")) {
                        arrivals.add(event.data());
                    }
                });
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        var sids = new ArrayList<String>();
        for (var seat : seats) {
            var sid = Telephony.newSid();
            phone.voice(sid, seat, DESTINATION);
            sids.add(sid);
        }
        var events = new ArrayList<Double>();
        var reads = new ArrayList<Double>();
        var board = app.bean(SeatBoard.class);
        for (var sid : sids) {
            var begin = System.nanoTime();
            phone.status(sid, "CH" + sid.substring(2), "in-progress", null);
            assertThat(arrivals.poll(5, TimeUnit.SECONDS)).as("call.updated on the company stream").isNotNull();
            events.add((System.nanoTime() - begin) / 1e6);
            var read = System.nanoTime();
            assertThat(board.of(company.id()).block()).hasSize(SEATS + 1);
            reads.add((System.nanoTime() - read) / 1e6);
        }
        stream.dispose();
        sids.forEach(sid -> phone.status(sid, "CH" + sid.substring(2), "completed", 5));
        return new Latency(events, reads);
    }

    private static double percentile(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double min(List<Double> values) {
        return Collections.min(values);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }

}
