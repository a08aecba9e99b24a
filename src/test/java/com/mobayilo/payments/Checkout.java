package com.mobayilo.payments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.stripe.StripeAccount;
import com.mobayilo.payments.stripe.StripeSignatures;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.Balance;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;

/**
 * Test steps for top-ups: a person, a top-up started through the real service, and Stripe events about it,
 * in Stripe's JSON shape, signed as Stripe signs them and posted to the webhook over HTTP.
 */
final class Checkout {

    private final TestApp app;

    Checkout(TestApp app) {
        this.app = app;
    }

    User payer() {
        return TestUsers.individual(app, "en");
    }

    TopUp started(User payer, long cents) {
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(payer.id().value())).block();
        var started = app.bean(TopUpStarts.class).start(payer, wallet.id(), Money.cents(cents), Locale.ENGLISH).block();
        return app.bean(TopUps.class).find(started.topUp()).block();
    }

    Balance balanceOf(User payer) {
        var ledger = app.bean(Ledger.class);
        return ledger.balance(ledger.walletOf(Owner.user(payer.id().value())).block().id()).block();
    }

    static String eventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** {@code checkout.session.completed} for the top-up, paid with {@code paymentIntent}. */
    static String completed(String eventId, TopUp topUp, String paymentIntent, long amountCents, String paymentStatus) {
        return event(eventId, "checkout.session.completed", """
                {"id":"%s","object":"checkout.session","amount_subtotal":%d,"amount_total":%d,"client_reference_id":"%s",
                 "currency":"usd","customer_email":"payer@example.com","livemode":false,"metadata":{"top_up":"%s","wallet":"%s"},
                 "mode":"payment","payment_intent":"%s","payment_status":"%s","status":"complete"}"""
                .formatted(topUp.checkoutSessionId(), amountCents, amountCents, topUp.wallet().value(), topUp.id(), topUp.wallet().value(), paymentIntent,
                        paymentStatus));
    }

    static String event(String eventId, String type, String object) {
        return """
                {"id":"%s","object":"event","api_version":"2025-09-30.clover","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}"""
                .formatted(eventId, Clock.systemUTC().instant().getEpochSecond(), type, object);
    }

    HttpResponse<String> deliver(String payload) {
        return deliver(payload, new StripeSignatures(app.bean(StripeAccount.class).webhookSecrets(), Clock.systemUTC()).sign(payload));
    }

    HttpResponse<String> deliver(String payload, String signature) {
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        return Http.send(request);
    }
}
