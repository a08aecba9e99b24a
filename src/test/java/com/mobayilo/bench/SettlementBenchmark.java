package com.mobayilo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.Hold;
import com.mobayilo.wallet.HoldId;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.LedgerCheck;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P4: settlements per second on ONE hot wallet with 200 concurrent clients (seats), each settling its calls:
 * capturing part of the hold placed when the call started and freeing the rest. The holds are placed first,
 * as the voice webhook does at call start; only settling is timed. Baseline in the same run: the same load
 * spread over 200 wallets, one per client, which shows what the hot row costs. After each run every wallet
 * must hold exactly its starting credit minus what was captured, and the ledger must show zero drift.
 */
class SettlementBenchmark {

    private static final int CLIENTS = 200;

    private static final int SETTLEMENTS_PER_CLIENT = 30;

    private static final int RUNS = 3;

    @Test
    void settlementsPerSecondOnOneHotWallet() {
        try (var app = TestApp.start()) {
            var ledger = app.bean(Ledger.class);
            var check = app.bean(LedgerCheck.class);
            run(ledger, 1);
            var hot = new ArrayList<Double>();
            var spread = new ArrayList<Double>();
            for (int i = 0; i < RUNS; i++) {
                hot.add(run(ledger, 1));
                spread.add(run(ledger, CLIENTS));
            }
            var report = check.run().block();
            assertThat(report.isConsistent()).as(report.toString()).isTrue();
            BenchmarkReport.write("settlements", """
                    ## P4: settlements per second on one hot wallet

                    Command: `./mvnw -Pbench verify -Dit.test=SettlementBenchmark`. %d concurrent clients, each settling %d calls
                    (capture part of the hold placed at call start, free the rest) through the real ledger on the embedded PostgreSQL; %d runs, median (min–max).

                    | load | settlements/s | goal |
                    |---|---|---|
                    | one hot wallet, %d clients | %s | ≥ 500/s, zero drift |
                    | baseline: %d wallets, one per client | %s | — |

                    Hot wallet / baseline: %.2f. Drift after all runs: %d wallets, postings sum %d (consistency check `/actuator/ledger`).
                    """.formatted(CLIENTS, SETTLEMENTS_PER_CLIENT, RUNS, CLIENTS, BenchmarkReport.spread(hot, "%.0f"), CLIENTS,
                    BenchmarkReport.spread(spread, "%.0f"), BenchmarkReport.median(hot) / BenchmarkReport.median(spread),
                    report.drifts().size(), report.sumOfAllPostingsCents()));
        }
    }

    /** One run: returns settlements per second, after checking each wallet ended exactly where it should. */
    private static double run(Ledger ledger, int walletCount) {
        var credit = Money.cents(10_000_000);
        var wallets = IntStream.range(0, walletCount).mapToObj(i -> funded(ledger, credit)).toList();
        var holds = Flux.range(0, CLIENTS * SETTLEMENTS_PER_CLIENT)
                .flatMap(call -> ledger.hold(wallets.get(call % walletCount), Money.cents(200), Memo.text("benchmark call"), null, Duration.ofMinutes(30),
                        UUID.randomUUID().toString()), 50)
                .map(Hold::id)
                .collectList().block(Duration.ofMinutes(5));
        var captured = new AtomicLong();
        var started = System.nanoTime();
        Flux.range(0, CLIENTS)
                .flatMap(client -> settle(ledger, holds.subList(client * SETTLEMENTS_PER_CLIENT, (client + 1) * SETTLEMENTS_PER_CLIENT), captured), CLIENTS)
                .blockLast(Duration.ofMinutes(5));
        var seconds = (System.nanoTime() - started) / 1e9;
        var remaining = wallets.stream().mapToLong(wallet -> ledger.balance(wallet).block().balance().cents()).sum();
        assertThat(remaining).isEqualTo(credit.cents() * walletCount - captured.get());
        return CLIENTS * SETTLEMENTS_PER_CLIENT / seconds;
    }

    private static Mono<Void> settle(Ledger ledger, List<HoldId> calls, AtomicLong captured) {
        return Flux.fromIterable(calls)
                .concatMap(hold -> ledger.capture(hold, Money.cents(ThreadLocalRandom.current().nextLong(201)), Memo.text("benchmark call"))
                        .doOnNext(settled -> captured.addAndGet(settled.captured().cents())))
                .then();
    }

    private static WalletId funded(Ledger ledger, Money credit) {
        var wallet = ledger.walletOf(Owner.user(UUID.randomUUID())).block().id();
        ledger.credit(wallet, credit, JournalEntry.of(TransactionKind.TOP_UP, "BENCH", "funding", "funding", UUID.randomUUID().toString())).block();
        return wallet;
    }

}
