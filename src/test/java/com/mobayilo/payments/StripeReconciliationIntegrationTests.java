package com.mobayilo.payments;

import java.time.Duration;
import java.time.Instant;

import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeEvents;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events whose webhook never reached us, found by the reconciliation job in Stripe's list of recent events
 * (WireMock, {@link StripeRest}) and applied exactly once. The job is queued every 300 ms here instead of every
 * 10 minutes.
 */
class StripeReconciliationIntegrationTests {

    private static StripeRest stripe;

    private static TestApp app;

    private static Checkout checkout;

    private static Instant started;

    @BeforeAll
    static void start() {
        started = Instant.now();
        stripe = StripeRest.start();
        app = TestApp.start("--mobayilo.stripe.api-base-url=" + stripe.baseUrl(), "--mobayilo.payments.reconcile-interval=PT0.3S");
        checkout = new Checkout(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        checkout.assertLedgerConsistent();
    }

    @Test
    void eventsNeverDeliveredAreAppliedOnceAndOnesAlreadyDeliveredAreNotAppliedAgain() {
        var deliveredPayer = checkout.payer();
        var delivered = Payment.of(checkout.started(deliveredPayer, 1_000));
        var deliveredEvent = delivered.completed("paid");
        assertThat(checkout.deliver(deliveredEvent).statusCode()).isEqualTo(200);
        var missedPayer = checkout.payer();
        var missed = Payment.of(checkout.started(missedPayer, 2_500));

        stripe.holds(deliveredEvent);
        stripe.holds(missed.completed("paid"));
        stripe.holds(missed.refunded(500, false));

        await().atMost(Duration.ofSeconds(15)).until(() -> checkout.balanceOf(missedPayer).balance(), Money.cents(2_000)::equals);
        var listedSoFar = stripe.eventListRequests().size();
        await().atMost(Duration.ofSeconds(15)).until(() -> stripe.eventListRequests().size() >= listedSoFar + 6);

        assertThat(checkout.balanceOf(missedPayer).balance()).isEqualTo(Money.cents(2_000));
        assertThat(checkout.creditsOf(missed.topUp())).isEqualTo(1);
        assertThat(checkout.topUp(missed.topUp().id()).status()).isEqualTo(TopUpStatus.PAID);
        assertThat(checkout.balanceOf(deliveredPayer).balance()).isEqualTo(Money.cents(1_000));
        assertThat(checkout.creditsOf(delivered.topUp())).isEqualTo(1);
    }

    @Test
    void stripeIsAskedForTheLastThreeDaysOfHandledEventsPageByPage() {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 500));
        stripe.holds(payment.completed("paid"));
        for (int refund = 1; refund <= 4; refund++) {
            stripe.holds(payment.refunded(refund * 100L));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> checkout.balanceOf(payer).balance(), Money.cents(100)::equals);

        var requests = stripe.eventListRequests();
        assertThat(requests).allSatisfy(query -> {
            assertThat(Long.parseLong(query.get("created[gte]"))).isBetween(started.minus(Duration.ofDays(3)).getEpochSecond() - 1,
                    Instant.now().minus(Duration.ofDays(3)).getEpochSecond() + 1);
            assertThat(query.list("types")).containsExactlyElementsOf(StripeEvents.HANDLED_TYPES);
            assertThat(query.get("limit")).isEqualTo("100");
            assertThat(query.authorization()).isEqualTo("Bearer sk_test_sandbox");
        });
        assertThat(requests).as("later pages asked for after the last event of the one before")
                .anySatisfy(query -> assertThat(query.get("starting_after")).startsWith("evt_"));
    }
}
