package com.mobayilo.payments;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Top-ups through Stripe's REST API, which WireMock plays ({@link StripeRest}): opening Checkout, and reading the card paid with. */
class StripeApiIntegrationTests {

    private static StripeRest stripe;

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        stripe = StripeRest.start();
        app = TestApp.start("--mobayilo.stripe.api-base-url=" + stripe.baseUrl());
        checkout = new Checkout(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    @BeforeEach
    void healthyStripe() {
        stripe.reset();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        checkout.assertLedgerConsistent();
    }

    @Test
    void aTopUpOpensACheckoutSessionForExactlyItsAmountAndSendsThePayerToStripesPage() {
        var payer = checkout.payer();
        var started = start(payer, 2_500, Locale.FRENCH);

        var requests = stripe.sessionRequests();
        assertThat(requests).hasSize(1);
        var form = requests.getFirst();
        var topUp = started.topUp().toString();
        assertThat(form.get("mode")).isEqualTo("payment");
        assertThat(form.get("client_reference_id")).isEqualTo(checkout.walletOf(payer).value().toString());
        assertThat(form.get("metadata[top_up]")).isEqualTo(topUp);
        assertThat(form.get("payment_intent_data[metadata][top_up]")).isEqualTo(topUp);
        assertThat(form.get("line_items[0][quantity]")).isEqualTo("1");
        assertThat(form.get("line_items[0][price_data][unit_amount]")).isEqualTo("2500");
        assertThat(form.get("line_items[0][price_data][currency]")).isEqualTo("usd");
        assertThat(form.get("line_items[0][price_data][product_data][name]")).contains("2500 credits");
        assertThat(form.get("success_url")).isEqualTo(app.uiUrl() + "/wallet/top-up/" + topUp);
        assertThat(form.get("cancel_url")).isEqualTo(app.uiUrl() + "/wallet?checkout=cancelled");
        assertThat(form.get("customer_email")).isEqualTo(payer.email().value());
        assertThat(form.get("locale")).isEqualTo("fr");
        assertThat(form.idempotencyKey()).isEqualTo("checkout-" + topUp);
        assertThat(form.authorization()).isEqualTo("Bearer sk_test_sandbox");

        var recorded = checkout.topUp(started.topUp());
        assertThat(recorded.checkoutSessionId()).startsWith("cs_test_");
        assertThat(started.checkoutUrl()).isEqualTo(URI.create(StripeJson.checkoutUrl(recorded.checkoutSessionId())));
        assertThat(recorded.status()).isEqualTo(TopUpStatus.OPEN);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "500, api_error,             , An unknown error occurred",
            "400, invalid_request_error, parameter_invalid_integer, Invalid integer: 2500.0",
            "402, card_error,            card_declined, Your card was declined.",
            "429, invalid_request_error, rate_limit, Too many requests hit the API too quickly." })
    void aStripeErrorMakesTheTopUpUnavailableWithNothingPaid(int status, String type, String code, String message) {
        stripe.failsSessionsWith(status, type, code, message);
        var payer = checkout.payer();

        assertThatThrownBy(() -> start(payer, 1_000, Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidTopUp.class, refused -> assertThat(refused.problem()).isEqualTo(InvalidTopUp.Problem.UNAVAILABLE));

        assertThat(topUpsOf(payer)).containsExactly("OPEN without a session");
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        var keys = stripe.sessionRequests().stream().map(StripeRest.Form::idempotencyKey).distinct().toList();
        assertThat(keys).as("retries reuse the idempotency key").hasSize(1).allSatisfy(key -> assertThat(key).startsWith("checkout-"));
    }

    @Test
    void anUnreachableStripeMakesTheTopUpUnavailableWithNothingPaid() {
        stripe.dropsSessionRequests();
        var payer = checkout.payer();

        assertThatThrownBy(() -> start(payer, 1_000, Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidTopUp.class, refused -> assertThat(refused.problem()).isEqualTo(InvalidTopUp.Problem.UNAVAILABLE));
        assertThat(topUpsOf(payer)).containsExactly("OPEN without a session");
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void theCardOfAPaidTopUpIsItsPaymentIntentsLatestCharge() {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 1_000));
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        var paid = checkout.topUp(payment.topUp().id());
        stripe.knowsPaymentIntent(payment.intent(), paid.id().toString(), 1_000,
                StripeJson.charge(payment.charge(), payment.intent(), paid.id().toString(), 1_000, 0, "mastercard", "4444"));

        var card = app.bean(Checkouts.class).cardOf(paid).block();

        assertThat(card).isEqualTo(Optional.of(new Checkouts.Card("mastercard", "4444")));
        var retrievals = stripe.queries("/v1/payment_intents/" + payment.intent());
        assertThat(retrievals).isNotEmpty().allSatisfy(query -> {
            assertThat(query.list("expand")).containsExactly("latest_charge");
            assertThat(query.authorization()).isEqualTo("Bearer sk_test_sandbox");
        });
    }

    @Test
    void aTopUpNotPaidYetHasNoCard() {
        var topUp = checkout.started(checkout.payer(), 500);
        assertThat(app.bean(Checkouts.class).cardOf(topUp).block()).isEmpty();
    }

    private static TopUpStarts.Started start(User payer, long cents, Locale language) {
        return app.bean(TopUpStarts.class).start(payer, checkout.walletOf(payer), Money.cents(cents), language).block();
    }

    private static List<String> topUpsOf(User payer) {
        return app.bean(DatabaseClient.class).sql("select status, checkout_session_id from top_ups where wallet_id = :wallet")
                .bind("wallet", checkout.walletOf(payer).value())
                .map(row -> row.get("status", String.class) + (row.get("checkout_session_id", String.class) == null ? " without a session" : " with a session"))
                .all().collectList().block();
    }

    @Test
    void withAutoRechargeOnAndNoCardTheCheckoutSavesTheCardForLaterCharges() {
        var payer = checkout.payer();
        app.bean(AutoRechargeSettings.class).save(checkout.walletOf(payer), payer.id(), true, Money.cents(200), Money.cents(1_000), Money.cents(3_000))
                .block();
        start(payer, 1_000, Locale.ENGLISH);
        var form = stripe.sessionRequests().getFirst();
        assertThat(form.get("payment_intent_data[setup_future_usage]")).isEqualTo("off_session");
        assertThat(form.get("customer_creation")).isEqualTo("always");
    }

    @Test
    void anAutoRechargeChargesTheSavedCardOffSessionOnceWhateverTheRetries() {
        var payer = checkout.payer();
        var topUp = TopUp.autoRecharge(checkout.walletOf(payer), payer.id(), Money.cents(1_000), Locale.ENGLISH, Instant.now());
        stripe.chargesSavedCards("pi_3QxAutoRecharge");
        var intent = app.bean(Checkouts.class).chargeSaved(topUp, new SavedCard("cus_QxA1", "pm_1QxA1", topUp.id())).block();
        assertThat(intent).isEqualTo("pi_3QxAutoRecharge");
        var form = stripe.paymentIntentRequests().getFirst();
        assertThat(form.get("amount")).isEqualTo("1000");
        assertThat(form.get("currency")).isEqualTo("usd");
        assertThat(form.get("customer")).isEqualTo("cus_QxA1");
        assertThat(form.get("payment_method")).isEqualTo("pm_1QxA1");
        assertThat(form.get("off_session")).isEqualTo("true");
        assertThat(form.get("confirm")).isEqualTo("true");
        assertThat(form.get("metadata[top_up]")).isEqualTo(topUp.id().toString());
        assertThat(form.idempotencyKey()).isEqualTo("auto-recharge-" + topUp.id());
    }

    @Test
    void aChargeTheBankRefusesIsACardRefusalWithItsCode() {
        var payer = checkout.payer();
        var topUp = TopUp.autoRecharge(checkout.walletOf(payer), payer.id(), Money.cents(1_000), Locale.ENGLISH, Instant.now());
        stripe.refusesSavedCards("authentication_required");
        assertThatThrownBy(() -> app.bean(Checkouts.class).chargeSaved(topUp, new SavedCard("cus_QxA2", "pm_1QxA2", topUp.id())).block())
                .isInstanceOfSatisfying(CardRefused.class, refused -> assertThat(refused.code()).isEqualTo("authentication_required"));
    }
}
