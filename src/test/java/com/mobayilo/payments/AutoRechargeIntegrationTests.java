package com.mobayilo.payments;

import java.time.Duration;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.events.Streams;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auto-recharge against the sandbox's Stripe: the card saved at a checkout, charged off-session when the wallet
 * falls below the threshold, credited by the same signed payment intent events Stripe sends, never past the
 * month's ceiling, and turned off when the bank refuses.
 */
class AutoRechargeIntegrationTests {

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
    }

    @Test
    void aSavedCardIsChargedBelowTheThresholdAndNeverPastTheMonthlyCeiling() {
        var payer = checkout.payer();
        var wallet = walletOf(payer);
        turnOn(payer, wallet, 500, 1_000, 2_000);
        var first = checkout.started(payer, 1_000);
        assertThat(first.savesCard()).as("the first checkout saves the card").isTrue();
        assertThat(checkout.payInSandbox(first, "4242 4242 4242 4242").isPaid()).isTrue();
        assertThat(settings(wallet).card()).isPresent();

        spend(wallet, 600);
        chargeDueWallets();
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_000 - 600 + 1_000));

        spend(wallet, 1_000);
        chargeDueWallets();
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_400));

        spend(wallet, 1_000);
        chargeDueWallets();
        assertThat(checkout.balanceOf(payer).balance()).as("a third charge would pass the $20 ceiling").isEqualTo(Money.cents(400));
        assertThat(autoRechargeTopUps(wallet, "PAID")).isEqualTo(2);
    }

    @Test
    void aRefusedChargeTurnsAutoRechargeOffTellsThePersonAndCreditsNothing() {
        var payer = checkout.payer();
        var wallet = walletOf(payer);
        turnOn(payer, wallet, 500, 1_000, 5_000);
        checkout.payInSandbox(checkout.started(payer, 1_000), "4000 0027 6000 3184");
        spend(wallet, 900);

        chargeDueWallets();
        chargeDueWallets();

        var off = settings(wallet);
        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).contains("authentication_required");
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(100));
        assertThat(autoRechargeTopUps(wallet, "FAILED")).isEqualTo(1);
        assertThat(app.bean(DatabaseClient.class).sql("select count(*) from events where type = :type and stream = :stream")
                .bind("type", AutoRechargeTurnedOff.TYPE).bind("stream", Streams.user(payer.id().value()))
                .map(row -> row.get(0, Long.class)).one().block()).as("one in-app notice").isEqualTo(1);
        var mail = await().atMost(Duration.ofSeconds(15)).until(() -> app.latestMail(payer.email().value(), "Auto-recharge is off"),
                found -> found != null);
        assertThat(mail.text()).contains("authentication_required", "$10.00", app.uiUrl() + "/wallet");
    }

    private static void turnOn(User payer, WalletId wallet, long threshold, long amount, long ceiling) {
        app.bean(AutoRechargeSettings.class).save(wallet, payer.id(), true, Money.cents(threshold), Money.cents(amount), Money.cents(ceiling)).block();
    }

    private static AutoRecharge settings(WalletId wallet) {
        return app.bean(AutoRechargeSettings.class).of(wallet).block().orElseThrow();
    }

    private static WalletId walletOf(User payer) {
        return app.bean(Ledger.class).walletOf(Owner.user(payer.id().value())).block().id();
    }

    private static void spend(WalletId wallet, long cents) {
        var key = UUID.randomUUID().toString();
        app.bean(Ledger.class).debit(wallet, Money.cents(cents), JournalEntry.of(TransactionKind.ADJUSTMENT, "TEST", key, "spent", key)).block();
    }

    /** What the scheduled scan and the job worker do, run now: each due wallet's charge job. */
    private static void chargeDueWallets() {
        var charges = app.bean(AutoRechargeCharges.class);
        var json = JsonMapper.builder().build();
        app.bean(AutoRecharges.class).due().toStream()
                .forEach(wallet -> charges.handle(json.readTree("{\"wallet\":\"" + wallet.value() + "\"}")).onErrorComplete().block());
    }

    private static long autoRechargeTopUps(WalletId wallet, String status) {
        return app.bean(DatabaseClient.class).sql("select count(*) from top_ups where wallet_id = :wallet and origin = 'AUTO_RECHARGE' and status = :status")
                .bind("wallet", wallet.value()).bind("status", status).map(row -> row.get(0, Long.class)).one().block();
    }
}
