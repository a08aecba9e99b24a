package com.mobayilo.wallet;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 concurrent clients hold, capture and release on one wallet, and on many: no balance differs from its
 * postings, nothing goes below zero, all postings sum to zero, and exactly what was captured was charged.
 */
class LedgerConcurrencyIntegrationTests {

    private static final int CLIENTS = 200;

    private static final int ROUNDS = 5;

    private static Ledger ledger;

    private static LedgerCheck check;

    private static DatabaseClient db;

    @BeforeAll
    static void start() {
        var app = TestApp.shared();
        ledger = app.bean(Ledger.class);
        check = app.bean(LedgerCheck.class);
        db = app.bean(DatabaseClient.class);
    }

    @Test
    void twoHundredClientsOnOneWalletNeverOverdrawIt() {
        var wallet = funded(Money.cents(20_000));
        var charged = new AtomicLong();
        Flux.range(0, CLIENTS).flatMap(client -> settleRounds(List.of(wallet), charged), CLIENTS).blockLast(Duration.ofMinutes(3));
        assertWalletEnded(wallet, Money.cents(20_000).minus(Money.cents(charged.get())));
        assertThat(check.run().block().isConsistent()).isTrue();
    }

    @Test
    void twoHundredClientsOnManyWalletsKeepEveryWalletExact() {
        var wallets = IntStream.range(0, 40).mapToObj(i -> funded(Money.cents(3_000))).toList();
        var charged = new AtomicLong();
        Flux.range(0, CLIENTS).flatMap(client -> settleRounds(wallets, charged), CLIENTS).blockLast(Duration.ofMinutes(3));
        var total = wallets.stream().map(id -> ledger.balance(id).block().balance().cents()).mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(40 * 3_000 - charged.get());
        wallets.forEach(id -> assertThat(ledger.balance(id).block().held()).isEqualTo(Money.ZERO));
        assertThat(check.run().block().isConsistent()).isTrue();
    }

    @Test
    void parallelHoldsOnASmallWalletReserveNoMoreThanItHolds() {
        var wallet = funded(Money.cents(1_000));
        var placed = Flux.range(0, 100)
                .flatMap(i -> ledger.hold(wallet, Money.cents(30), Memo.text("call " + i), null, Duration.ofMinutes(10), UUID.randomUUID().toString())
                        .map(hold -> 1).onErrorResume(InsufficientCredit.class, refused -> Mono.empty()), 100)
                .count().block();
        assertThat(placed).isEqualTo(33);
        assertThat(ledger.balance(wallet).block().available()).isEqualTo(Money.cents(10));
    }

    private static Mono<Void> settleRounds(List<WalletId> wallets, AtomicLong charged) {
        return Flux.range(0, ROUNDS).concatMap(round -> {
            var random = ThreadLocalRandom.current();
            var wallet = wallets.get(random.nextInt(wallets.size()));
            var amount = Money.cents(1 + random.nextInt(300));
            return ledger.hold(wallet, amount, Memo.text("concurrent call"), null, Duration.ofMinutes(10), UUID.randomUUID().toString())
                    .flatMap(hold -> random.nextInt(4) == 0
                            ? ledger.release(hold.id())
                            : ledger.capture(hold.id(), Money.cents(random.nextLong(hold.amount().cents() + 1)), Memo.text("concurrent call"))
                                    .doOnNext(captured -> charged.addAndGet(captured.captured().cents())))
                    .onErrorResume(InsufficientCredit.class, refused -> Mono.empty());
        }).then();
    }

    private static WalletId funded(Money amount) {
        var wallet = ledger.walletOf(Owner.user(UUID.randomUUID())).block();
        ledger.credit(wallet.id(), amount, JournalEntry.of(TransactionKind.TOP_UP, "TEST", "funding", "funding", UUID.randomUUID().toString())).block();
        return wallet.id();
    }

    private static void assertWalletEnded(WalletId wallet, Money expected) {
        var balance = ledger.balance(wallet).block();
        assertThat(balance.balance()).isEqualTo(expected);
        assertThat(balance.held()).isEqualTo(Money.ZERO);
        var lowest = db.sql("select min(balance_after_cents) from postings where wallet_id = :wallet").bind("wallet", wallet.value())
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(lowest).as("no posting left the balance below zero").isGreaterThanOrEqualTo(0);
    }
}
