package com.mobayilo.payments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.sandbox.StripeEventJson;
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
        return StripeEventJson.newEventId();
    }

    /** {@code checkout.session.completed} for the top-up, paid with {@code paymentIntent}. */
    static String completed(String eventId, TopUp topUp, String paymentIntent, long amountCents, String paymentStatus) {
        return StripeEventJson.checkoutCompleted(eventId, new StripeEventJson.CompletedCheckout(topUp.checkoutSessionId(), topUp.id(), topUp.wallet(),
                "payer@example.com", paymentIntent, amountCents, paymentStatus), Clock.systemUTC().instant());
    }

    static String event(String eventId, String type, String object) {
        return StripeEventJson.event(eventId, type, object, Clock.systemUTC().instant());
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
