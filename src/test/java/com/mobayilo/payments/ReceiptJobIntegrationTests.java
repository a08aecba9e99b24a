package com.mobayilo.payments;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import com.mobayilo.accounts.User;
import com.mobayilo.mail.Mailbox;
import com.mobayilo.payments.sandbox.SandboxCheckouts;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receipt job after a sandbox payment, which reaches the Stripe webhook over real HTTP, signed as Stripe signs:
 * the card is kept on the top-up and one receipt is mailed in the top-up's language, however often the job runs.
 */
class ReceiptJobIntegrationTests {

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
    }

    @Test
    void aPaidTopUpKeepsItsCardAndMailsOneReceiptHoweverOftenTheJobRuns() {
        var payer = checkout.payer();
        var topUp = checkout.started(payer, 2_500);
        assertThat(payWithVisa(topUp)).isEqualTo(SandboxCheckouts.Outcome.PAID);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(2_500));

        var number = Receipt.numberOf(topUp.id());
        var mail = await().atMost(Duration.ofSeconds(15)).until(() -> app.latestMail(payer.email().value(), number), Objects::nonNull);
        assertThat(mail.subject()).isEqualTo("Your Mobayilo receipt " + number);
        assertThat(mail.text()).contains("Amount paid: $25.00", "Credits added: 2,500 credits", "Payment method: Visa ending in 4242",
                "Stripe reference: pi_sandbox_", app.uiUrl() + "/receipts/" + topUp.id());
        var paid = app.bean(TopUps.class).find(topUp.id()).block();
        assertThat(paid.cardBrand()).isEqualTo("visa");
        assertThat(paid.cardLast4()).isEqualTo("4242");

        runReceiptJobAgain(topUp);
        runReceiptJobAgain(topUp);
        assertThat(receiptMailJobs(payer, number)).isEqualTo(1);
        assertThat(app.bean(Mailbox.class).messages()).filteredOn(sent -> sent.subject().contains(number)).hasSize(1);
    }

    @Test
    void theReceiptIsMailedInTheLanguageTheTopUpWasBoughtIn() {
        var payer = checkout.payer();
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(payer.id().value())).block();
        var started = app.bean(TopUpStarts.class).start(payer, wallet.id(), Money.cents(1_000), Locale.FRENCH).block();
        var topUp = app.bean(TopUps.class).find(started.topUp()).block();
        payWithVisa(topUp);
        var number = Receipt.numberOf(topUp.id());
        var mail = await().atMost(Duration.ofSeconds(15)).until(() -> app.latestMail(payer.email().value(), number), Objects::nonNull);
        assertThat(mail.subject()).isEqualTo("Votre reçu Mobayilo " + number);
        assertThat(mail.text()).contains("Bonjour Amani Kabila,", "Visa se terminant par 4242", "000 crédits");
    }

    @Test
    void theReceiptNumberIsStableAndReadable() {
        var id = TopUpId.parse("3f2a9c1e-77b0-4d2e-9a41-0c5e8b7d6f10");
        assertThat(Receipt.numberOf(id)).isEqualTo("MBY-3F2A-9C1E-77B0").isEqualTo(Receipt.numberOf(TopUpId.parse(id.toString())));
    }

    private static SandboxCheckouts.Outcome payWithVisa(TopUp topUp) {
        return checkout.payInSandbox(topUp, "4242 4242 4242 4242");
    }

    private static void runReceiptJobAgain(TopUp topUp) {
        app.bean(ReceiptJob.class).handle(JsonMapper.builder().build().readTree("{\"topUp\":\"" + topUp.id() + "\"}")).block();
    }

    private static long receiptMailJobs(User payer, String number) {
        return app.bean(DatabaseClient.class).sql("""
                        select count(*) as mails from jobs
                        where type = 'mail.send' and payload ->> 'to' = :to and payload ->> 'subject' like '%' || :number""")
                .bind("to", payer.email().value()).bind("number", number).map(row -> row.get("mails", Long.class)).one().block();
    }
}
