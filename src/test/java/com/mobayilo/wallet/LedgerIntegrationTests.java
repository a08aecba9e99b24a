package com.mobayilo.wallet;

import java.time.Duration;
import java.util.UUID;

import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's rules as PostgreSQL enforces them. */
class LedgerIntegrationTests {

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
    void theSameTopUpPostsOnceHoweverOftenItArrives() {
        var wallet = newWallet();
        var entry = JournalEntry.of(TransactionKind.TOP_UP, "PAYMENT", "cs_test_1", "Top-up", "stripe:evt_" + UUID.randomUUID());
        var first = ledger.credit(wallet, Money.cents(1000), entry).block();
        var again = ledger.credit(wallet, Money.cents(1000), entry).block();
        assertThat(first.alreadyPosted()).isFalse();
        assertThat(again.alreadyPosted()).isTrue();
        assertThat(again.transaction()).isEqualTo(first.transaction());
        assertThat(ledger.balance(wallet).block().balance()).isEqualTo(Money.cents(1000));
        assertThat(count("select count(*) from postings where transaction_id = '" + first.transaction() + "'")).isEqualTo(2);
    }

    @Test
    void everyTransactionHasTwoLegsThatSumToZeroAgainstItsSystemAccount() {
        var wallet = funded(500);
        var rows = db.sql("""
                select p.wallet_id, p.amount_cents from postings p join journal_transactions t on t.id = p.transaction_id
                where p.transaction_id = (select transaction_id from postings where wallet_id = :wallet limit 1) order by p.amount_cents""")
                .bind("wallet", wallet.value()).map(row -> row.get("wallet_id", UUID.class) + ":" + row.get("amount_cents", Long.class)).all().collectList().block();
        assertThat(rows).containsExactly(SystemAccount.PAYMENT_CLEARING.wallet() + ":-500", wallet + ":500");
    }

    @Test
    void postingsCanNeitherBeChangedNorDeleted() {
        var wallet = funded(500);
        assertThatThrownBy(() -> db.sql("update postings set amount_cents = 1 where wallet_id = :wallet").bind("wallet", wallet.value()).then().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("delete from journal_transactions where source_ref = 'funding'").then().block())
                .hasMessageContaining("append-only");
    }

    @Test
    void aTransactionThatDoesNotBalanceIsRefusedAtCommit() {
        var wallet = newWallet();
        var transaction = UUID.randomUUID();
        assertThatThrownBy(() -> db.sql("""
                with t as (insert into journal_transactions (id, kind, source_type, source_ref, memo, idempotency_key)
                           values (:id, 'ADJUSTMENT', 'TEST', 'x', 'unbalanced', :key) returning id)
                insert into postings (transaction_id, wallet_id, amount_cents) select id, :wallet, 700 from t""")
                .bind("id", transaction).bind("key", transaction.toString()).bind("wallet", wallet.value()).then().block())
                .hasMessageContaining("does not balance");
    }

    @Test
    void captureChargesAtMostTheHoldAndFreesTheRest() {
        var wallet = funded(1000);
        var hold = hold(wallet, 300);
        assertThat(ledger.balance(wallet).block().available()).isEqualTo(Money.cents(700));
        ledger.capture(hold.id(), Money.cents(120), Memo.text("Call to +243 81 234 5678")).block();
        var after = ledger.balance(wallet).block();
        assertThat(after.balance()).isEqualTo(Money.cents(880));
        assertThat(after.available()).isEqualTo(Money.cents(880));
        assertThat(after.held()).isEqualTo(Money.ZERO);
    }

    @Test
    void aRepeatedCaptureChargesOnceAndAnOversizedOneIsRefused() {
        var wallet = funded(1000);
        var hold = hold(wallet, 300);
        assertThatThrownBy(() -> ledger.capture(hold.id(), Money.cents(301), Memo.text("too much")).block()).isInstanceOf(CaptureExceedsHold.class);
        ledger.capture(hold.id(), Money.cents(200), Memo.text("call")).block();
        var again = ledger.capture(hold.id(), Money.cents(250), Memo.text("retried webhook")).block();
        assertThat(again.captured()).isEqualTo(Money.cents(200));
        assertThat(ledger.balance(wallet).block().balance()).isEqualTo(Money.cents(800));
    }

    @Test
    void releasingReturnsEverythingAndAReleasedHoldCannotBeCaptured() {
        var wallet = funded(1000);
        var hold = hold(wallet, 400);
        ledger.release(hold.id()).block();
        assertThat(ledger.balance(wallet).block().available()).isEqualTo(Money.cents(1000));
        assertThatThrownBy(() -> ledger.capture(hold.id(), Money.cents(10), Memo.text("late")).block()).isInstanceOf(HoldNotActive.class);
        assertThat(ledger.release(hold.id()).block().status()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void expiredHoldsReturnTheirCredit() {
        var wallet = funded(1000);
        var hold = hold(wallet, 250);
        db.sql("update holds set expires_at = now() - interval '1 second' where id = :id").bind("id", hold.id().value()).then().block();
        assertThat(ledger.expireHolds().block()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.balance(wallet).block().available()).isEqualTo(Money.cents(1000));
        assertThat(db.sql("select status from holds where id = :id").bind("id", hold.id().value()).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("EXPIRED");
    }

    @Test
    void aRefundMayTakeTheBalanceBelowZeroAndThenNoCallCanStart() {
        var wallet = funded(300);
        hold(wallet, 100);
        ledger.debit(wallet, Money.cents(1000), JournalEntry.of(TransactionKind.REFUND, "PAYMENT", "ch_1", "Refund", UUID.randomUUID().toString())).block();
        var balance = ledger.balance(wallet).block();
        assertThat(balance.balance()).isEqualTo(Money.cents(-700));
        assertThat(balance.canStartCalls()).isFalse();
        assertThatThrownBy(() -> hold(wallet, 1)).isInstanceOf(InsufficientCredit.class);
    }

    @Test
    void anAdjustmentDebitMayNotOverdraw() {
        var wallet = funded(300);
        assertThatThrownBy(() -> ledger.debit(wallet, Money.cents(301), JournalEntry.of(TransactionKind.ADJUSTMENT, "OPERATOR", "x", "too much", UUID.randomUUID().toString())).block())
                .isInstanceOf(InsufficientCredit.class);
        assertThat(ledger.balance(wallet).block().balance()).isEqualTo(Money.cents(300));
    }

    @Test
    void placingTheSameHoldTwiceGivesOneHold() {
        var wallet = funded(1000);
        var key = UUID.randomUUID().toString();
        var first = ledger.hold(wallet, Money.cents(300), Memo.text("call"), "CA1", Duration.ofMinutes(5), key).block();
        var second = ledger.hold(wallet, Money.cents(300), Memo.text("call"), "CA1", Duration.ofMinutes(5), key).block();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(ledger.balance(wallet).block().held()).isEqualTo(Money.cents(300));
    }

    @Test
    void aNewHoldUnderAKeyUsedBeforeFailsAndHoldsNothingMore() {
        var wallet = funded(1000);
        var key = UUID.randomUUID().toString();
        var first = ledger.holdUpTo(wallet, Money.cents(100), 3, Memo.text("call"), "CA2", Duration.ofMinutes(5), key).block();
        assertThat(first.amount()).isEqualTo(Money.cents(300));
        assertThatThrownBy(() -> ledger.holdUpTo(wallet, Money.cents(100), 3, Memo.text("call"), "CA2", Duration.ofMinutes(5), key).block())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(ledger.balance(wallet).block().held()).isEqualTo(Money.cents(300));
        assertThat(count("select count(*) from holds where idempotency_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void aNewHoldIsRefusedOnlyWhenNotEvenOneUnitIsAvailable() {
        var wallet = funded(200);
        assertThatThrownBy(() -> ledger.holdUpTo(wallet, Money.cents(300), 1, Memo.text("call"), "CA3", Duration.ofMinutes(5), UUID.randomUUID().toString()).block())
                .isInstanceOf(InsufficientCredit.class);
        assertThat(ledger.balance(wallet).block().held()).isEqualTo(Money.ZERO);
    }

    @Test
    void aNewHoldTakesTheWholeUnitsThatAreLeftWhenFewerThanAskedFor() {
        var wallet = funded(250);
        var hold = ledger.holdUpTo(wallet, Money.cents(22), 20, Memo.text("call"), "CA4", Duration.ofMinutes(5), UUID.randomUUID().toString()).block();
        assertThat(hold.amount()).isEqualTo(Money.cents(11 * 22));
        assertThat(ledger.balance(wallet).block().held()).isEqualTo(Money.cents(11 * 22));
        assertThat(count("select amount_cents from holds where id = '" + hold.id() + "'")).isEqualTo(11 * 22);
    }

    @Test
    void everyBalanceChangeWritesABalanceChangedEvent() {
        var wallet = funded(400);
        var payload = db.sql("select payload::text from events where stream = :stream order by id desc limit 1")
                .bind("stream", "wallet:" + wallet).map(row -> row.get(0, String.class)).one().block();
        assertThat(payload).contains("\"balanceCents\": 400").contains("\"availableCents\": 400");
    }

    @Test
    void theConsistencyCheckReportsAWalletWhoseStoredBalanceDrifted() {
        var wallet = funded(500);
        assertThat(check.run().block().drifts()).noneMatch(drift -> drift.wallet().equals(wallet.toString()));
        db.sql("update wallets set balance_cents = balance_cents + 1 where id = :id").bind("id", wallet.value()).then().block();
        try {
            var report = check.run().block();
            assertThat(report.isConsistent()).isFalse();
            assertThat(report.drifts()).anySatisfy(drift -> {
                assertThat(drift.wallet()).isEqualTo(wallet.toString());
                assertThat(drift.storedBalanceCents()).isEqualTo(501);
                assertThat(drift.postedBalanceCents()).isEqualTo(500);
            });
        }
        finally {
            db.sql("update wallets set balance_cents = balance_cents - 1 where id = :id").bind("id", wallet.value()).then().block();
        }
    }

    private static Hold hold(WalletId wallet, long cents) {
        return ledger.hold(wallet, Money.cents(cents), Memo.text("Call"), null, Duration.ofMinutes(10), UUID.randomUUID().toString()).block();
    }

    private static WalletId newWallet() {
        return ledger.walletOf(Owner.user(UUID.randomUUID())).block().id();
    }

    private static WalletId funded(long cents) {
        var wallet = newWallet();
        ledger.credit(wallet, Money.cents(cents), JournalEntry.of(TransactionKind.TOP_UP, "TEST", "funding", "funding", UUID.randomUUID().toString())).block();
        return wallet;
    }

    private static long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
