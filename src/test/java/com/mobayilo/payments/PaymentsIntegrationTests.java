package com.mobayilo.payments;

import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's webhook over real HTTP, with events signed as Stripe signs them, on the real ledger. */
class PaymentsIntegrationTests {

    private static TestApp app;

    private static Checkout checkout;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        checkout = new Checkout(app);
    }

    @Test
    void aPaidCheckoutCreditsTheWalletOnceHoweverOftenItIsDelivered() {
        var payer = checkout.payer();
        var before = checkout.balanceOf(payer).balance();
        var topUp = checkout.started(payer, 1_000);
        assertThat(topUp.checkoutSessionId()).startsWith("cs_");
        var event = Checkout.completed(Checkout.eventId(), topUp, "pi_123" + topUp.id().value().toString().substring(0, 8), 1_000, "paid");
        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(checkout.deliver(event).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(before.plus(Money.cents(1_000)));
        assertThat(app.bean(TopUps.class).find(topUp.id()).block().status()).isEqualTo(TopUpStatus.PAID);
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedWith400AndChangesNothing() {
        var payer = checkout.payer();
        var topUp = checkout.started(payer, 500);
        var event = Checkout.completed(Checkout.eventId(), topUp, "pi_forged", 500, "paid");
        var forged = checkout.deliver(event, "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
    }
}
