package com.mobayilo.payments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.InjectedFaults;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.TransactionKind;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void ledgerStaysConsistent() {
        checkout.assertLedgerConsistent();
    }

    @Test
    void aPaidCheckoutCreditsTheWalletOnceHoweverOftenItIsDelivered() {
        var payer = checkout.payer();
        var topUp = checkout.started(payer, 1_000);
        assertThat(topUp.checkoutSessionId()).startsWith("cs_");
        var event = Payment.of(topUp).completed("paid");
        assertThat(checkout.deliver(event).body()).isEqualTo("{\"received\":true}");
        for (int redelivery = 0; redelivery < 2; redelivery++) {
            var again = checkout.deliver(event);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo("{\"received\":true,\"duplicate\":true}");
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_000));
        assertThat(checkout.topUp(topUp.id()).status()).isEqualTo(TopUpStatus.PAID);
        assertThat(checkout.creditsOf(topUp)).isEqualTo(1);
    }

    @Test
    void aDeadlockWhileCreditingATopUpRunsTheWholeBookingAgainAndCreditsOnce() {
        var payer = checkout.payer();
        var topUp = checkout.started(payer, 1_000);
        InjectedFaults.failFirstBookingOf(app, topUp.id().toString(), InjectedFaults.DEADLOCK);
        var answer = checkout.deliver(Payment.of(topUp).completed("paid"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":true}");
        assertThat(InjectedFaults.attempts(app, topUp.id().toString())).as("the failed booking, then the one that posted").isEqualTo(2);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_000));
        assertThat(checkout.topUp(topUp.id()).status()).isEqualTo(TopUpStatus.PAID);
        assertThat(checkout.creditsOf(topUp)).isEqualTo(1);
    }

    @Test
    void aRefundIsDebitedOnceHoweverOftenItIsDelivered() {
        var payer = checkout.payer();
        var payment = paid(payer, 2_500);
        var refund = payment.refunded(2_500);
        for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(checkout.deliver(refund).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.topUp(payment.topUp().id()).refunded()).isEqualTo(Money.cents(2_500));
        assertThat(booked(payer)).containsExactlyInAnyOrderEntriesOf(Map.of(TransactionKind.TOP_UP, Money.cents(2_500),
                TransactionKind.REFUND, Money.cents(-2_500)));
    }

    @Test
    void aPartialRefundThenASecondDebitEachOnlyTheirOwnPart() {
        var payer = checkout.payer();
        var payment = paid(payer, 2_500);
        assertThat(checkout.deliver(payment.refunded(1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_500));
        assertThat(checkout.deliver(payment.refunded(1_600)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(900));
        assertThat(checkout.topUp(payment.topUp().id()).refunded()).isEqualTo(Money.cents(1_600));
        assertThat(booked(payer)).containsEntry(TransactionKind.REFUND, Money.cents(-1_600));
    }

    @Test
    void aRefundEventThatArrivesAfterALaterOneChangesNothing() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var partial = payment.refunded(300);
        assertThat(checkout.deliver(payment.refunded(1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(partial).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.REFUND, Money.cents(-1_000));
    }

    @Test
    void aRefundOfAChargeWithoutOurMetadataIsFoundByItsPaymentIntent() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        assertThat(checkout.deliver(payment.refunded(400, false)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(600));
    }

    @Test
    void aLostDisputeTakesThePaymentBackOnce() {
        var payer = checkout.payer();
        var payment = paid(payer, 5_000);
        var dispute = StripeJson.newId("dp");
        assertThat(checkout.deliver(payment.disputeCreated(dispute)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        var lost = payment.disputeClosed(dispute, "lost");
        assertThat(checkout.deliver(lost).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(lost).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.CHARGEBACK, Money.cents(-5_000));
    }

    @Test
    void aWonDisputeGivesTheMoneyBack() {
        var payer = checkout.payer();
        var payment = paid(payer, 5_000);
        var dispute = StripeJson.newId("dp");
        assertThat(checkout.deliver(payment.disputeCreated(dispute)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(payment.disputeClosed(dispute, "won")).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(5_000));
        assertThat(booked(payer)).containsEntry(TransactionKind.CHARGEBACK, Money.ZERO);
    }

    @Test
    void aDisputeWonBeforeItsOpeningArrivesMovesNothing() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var dispute = StripeJson.newId("dp");
        assertThat(checkout.deliver(payment.disputeClosed(dispute, "won")).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(payment.disputeCreated(dispute)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_000));
        assertThat(booked(payer)).doesNotContainKey(TransactionKind.CHARGEBACK);
    }

    @Test
    void aPaidAmountOrCurrencyThatDoesNotMatchTheTopUpIsNotCredited() {
        var payer = checkout.payer();
        var short1 = Payment.of(checkout.started(payer, 1_000));
        var euros = Payment.of(checkout.started(payer, 1_000));
        assertThat(checkout.deliver(short1.completedFor(999, "usd")).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(euros.completedFor(1_000, "eur")).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.topUp(short1.topUp().id()).status()).isEqualTo(TopUpStatus.OPEN);
        assertThat(checkout.topUp(euros.topUp().id()).status()).isEqualTo(TopUpStatus.OPEN);
        assertThat(checkout.creditsOf(short1.topUp()) + checkout.creditsOf(euros.topUp())).isZero();
    }

    @Test
    void aDelayedPaymentIsCreditedWhenItSettlesAndNotWhenItFails() {
        var payer = checkout.payer();
        var settles = Payment.of(checkout.started(payer, 500));
        var fails = Payment.of(checkout.started(payer, 1_000));
        for (var payment : List.of(settles, fails)) {
            assertThat(checkout.deliver(payment.completed("unpaid")).statusCode()).isEqualTo(200);
            assertThat(checkout.topUp(payment.topUp().id()).status()).isEqualTo(TopUpStatus.PROCESSING);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(settles.asyncPayment(true)).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(fails.asyncPayment(false)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(500));
        assertThat(checkout.topUp(settles.topUp().id()).status()).isEqualTo(TopUpStatus.PAID);
        assertThat(checkout.topUp(fails.topUp().id()).status()).isEqualTo(TopUpStatus.FAILED);
    }

    @Test
    void anUnknownTypeIsAcknowledgedAndChangesNothing() {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 1_000));
        var response = checkout.deliver(payment.chargeSucceeded());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.topUp(payment.topUp().id())).isEqualTo(payment.topUp());
    }

    @Test
    void anEventAboutAPaymentNotKnownYetIsAnsweredWithARetryableConflict() {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 1_000));
        var early = payment.disputeCreated(StripeJson.newId("dp"));
        var response = checkout.deliver(early);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(Http.json(response).path("detail").asString()).contains(payment.intent());
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(early).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void aForgedStaleFutureOrMissingSignatureIsRefusedWith400AndChangesNothing() {
        var payer = checkout.payer();
        var topUp = checkout.started(payer, 500);
        var event = Payment.of(topUp).completed("paid");
        var now = Instant.now();
        var refusals = List.of(
                checkout.deliver(event, "t=" + now.getEpochSecond() + ",v1=" + "0".repeat(64)),
                checkout.deliver(event, checkout.signedAt(event, now.minusSeconds(301))),
                checkout.deliver(event, checkout.signedAt(event, now.plusSeconds(3_600))),
                checkout.deliver(event.replace("\"amount_total\":500", "\"amount_total\":50000"), checkout.signedAt(event, now)),
                checkout.deliver(event, null),
                checkout.deliver(event, "garbage"));
        for (var refused : refusals) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
            assertThat(Http.json(refused).path("detail").asString()).contains("Stripe-Signature");
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.topUp(topUp.id()).status()).isEqualTo(TopUpStatus.OPEN);
        assertThat(checkout.deliver(event).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedBodyThatIsNoStripeEventIsRefusedWith400() {
        var response = checkout.deliver("{\"object\":\"event\",\"type\":\"checkout.session.completed\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }

    /** A top-up of {@code cents} for {@code payer}, paid and credited. */
    private static Payment paid(User payer, long cents) {
        var payment = Payment.of(checkout.started(payer, cents));
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(cents));
        return payment;
    }

    private static Map<TransactionKind, Money> booked(User payer) {
        return checkout.totalsByKind(List.of(checkout.walletOf(payer)));
    }
}
