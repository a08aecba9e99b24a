package com.mobayilo.payments;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.stripe.StripeSigner;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.ChildApp;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of Stripe webhooks. 120 paid checkouts are delivered to the packaged app, which is
 * killed after some answers with others in flight. It starts again on the same database and Stripe's retries
 * deliver every event again: each top-up is credited exactly once, and the ledger is consistent.
 */
class CrashDuringStripeWebhooksIntegrationTests {

    private static final String WEBHOOK_SECRET = "whsec_crash_test_secret";

    private static final int TOP_UPS = 120;

    @TempDir
    static Path logs;

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.start("--STRIPE_WEBHOOK_SECRET=" + WEBHOOK_SECRET, "--mobayilo.ui.enabled=false");
        checkout = new Checkout(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void paymentsCutOffByAKillAreCreditedExactlyOnceWhenStripeRetriesThemAfterTheRestart() throws Exception {
        var payers = new ArrayList<User>();
        var events = new ArrayList<String>();
        for (int i = 0; i < TOP_UPS; i++) {
            var payer = checkout.payer();
            payers.add(payer);
            events.add(Checkout.Payment.of(checkout.started(payer, 500 + 100L * (i % 10))).completed("paid"));
        }
        var before = payers.stream().map(checkout::balanceOf).toList();

        var log = logs.resolve("child.log");
        var first = ChildApp.start(log, childArguments());
        var answered = first.deliverUntilKilled(events, event -> deliver(first, event), 40);
        assertThat(answered).as("the kill came while events were in flight").isLessThan(events.size());

        try (var second = ChildApp.start(log, childArguments())) {
            for (var event : events) {
                assertThat(deliver(second, event).statusCode()).isEqualTo(200);
            }
        }

        for (int i = 0; i < TOP_UPS; i++) {
            var paid = Money.cents(500 + 100L * (i % 10));
            assertThat(checkout.balanceOf(payers.get(i)).balance()).as("payer %d", i).isEqualTo(before.get(i).balance().plus(paid));
        }
        checkout.assertLedgerConsistent();
    }

    private static String[] childArguments() {
        var arguments = new ArrayList<>(List.of(app.databaseArguments()));
        arguments.add("--STRIPE_WEBHOOK_SECRET=" + WEBHOOK_SECRET);
        return arguments.toArray(String[]::new);
    }

    private static HttpResponse<String> deliver(ChildApp child, String payload) {
        var signature = StripeSigner.header(WEBHOOK_SECRET, Instant.now().getEpochSecond(), payload);
        return child.post("/webhooks/stripe", "application/json; charset=utf-8", "Stripe-Signature", signature, payload);
    }
}
