package com.mobayilo.payments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.TransactionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds and disputes take back at most what their top-up credited, in all, whatever the amounts Stripe reports,
 * in any order and however often each event arrives (issue 16, point 3; docs/decisions/0024-taking-back-payments-and-memo-keys.md).
 * The events are signed as Stripe signs them and posted to the webhook over HTTP.
 */
class TakingBackIntegrationTests {

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
    void aRefundOfFiftyThousandOnATenDollarTopUpTakesBackOnlyTheTenDollars() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var refund = payment.refunded(50_000);
        for (int delivery = 0; delivery < 2; delivery++) {
            assertThat(checkout.deliver(refund).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.REFUND, Money.cents(-1_000));
        assertThat(toReview(payment)).as("listed for an operator with what was not booked").hasValueSatisfying(review -> {
            assertThat(review.excess()).isEqualTo(Money.cents(49_000));
            assertThat(review.refunded()).isEqualTo(Money.cents(50_000));
            assertThat(review.payer()).isEqualTo(payer.email().value());
        });
    }

    @Test
    void aRefundWithinThePaymentNeedsNoReview() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        assertThat(checkout.deliver(payment.refunded(400)).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(payment.refunded(1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(toReview(payment)).isEmpty();
    }

    @Test
    void aRefundDeliveredBeforeItsPaymentIsTakenBackOnceThePaymentIsCredited() {
        var payer = checkout.payer();
        var payment = Payment.of(checkout.started(payer, 1_000));
        assertThat(checkout.deliver(payment.refunded(1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).as("nothing was credited, so nothing is taken").isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.TOP_UP, Money.cents(1_000)).containsEntry(TransactionKind.REFUND, Money.cents(-1_000));
        assertThat(toReview(payment)).isEmpty();
    }

    @Test
    void aHugeRefundThenAHugeDisputeOfATenDollarTopUpNeverTakeMoreThanTheTenDollars() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var dispute = StripeJson.newId("dp");
        for (var event : List.of(payment.refunded(50_000), payment.disputeCreated(dispute, 100_000), payment.disputeCreated(dispute, 100_000))) {
            assertThat(checkout.deliver(event).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(toReview(payment)).hasValueSatisfying(review -> {
            assertThat(review.excess()).isEqualTo(Money.cents(149_000));
            assertThat(review.disputed()).isEqualTo(Money.cents(100_000));
        });
        assertThat(checkout.deliver(payment.disputeClosed(dispute, "won", 100_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).as("a won dispute gives back only what it took").isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.REFUND, Money.cents(-1_000)).doesNotContainKey(TransactionKind.CHARGEBACK);
        assertThat(toReview(payment)).hasValueSatisfying(review -> assertThat(review.excess()).isEqualTo(Money.cents(49_000)));
    }

    @Test
    void aHugeDisputeThenAHugeRefundTakeBackTheSameAsInTheOtherOrder() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var dispute = StripeJson.newId("dp");
        for (var event : List.of(payment.disputeCreated(dispute, 100_000), payment.refunded(50_000), payment.refunded(50_000))) {
            assertThat(checkout.deliver(event).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(payment.disputeClosed(dispute, "won", 100_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(booked(payer)).containsEntry(TransactionKind.REFUND, Money.cents(-1_000)).containsEntry(TransactionKind.CHARGEBACK, Money.ZERO);
    }

    @Test
    void aDisputeWonAfterItsRoomWasFreedByAnotherIsTakenAndGivenBackOnly() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        var first = StripeJson.newId("dp");
        var second = StripeJson.newId("dp");
        assertThat(checkout.deliver(payment.disputeCreated(first, 1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.deliver(payment.disputeCreated(second, 1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(payment.disputeClosed(first, "won", 1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).as("the second dispute still withdraws the payment").isEqualTo(Money.ZERO);
        assertThat(checkout.deliver(payment.disputeClosed(second, "won", 1_000)).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(1_000));
    }

    @Test
    void creditSpentBeforeAChargebackIsOwedAndNothingMore() {
        var payer = checkout.payer();
        var payment = paid(payer, 1_000);
        spend(payer, 320);
        var dispute = StripeJson.newId("dp");
        for (var event : List.of(payment.disputeCreated(dispute, 100_000), payment.refunded(50_000), payment.disputeClosed(dispute, "lost", 100_000))) {
            assertThat(checkout.deliver(event).statusCode()).isEqualTo(200);
        }
        assertThat(checkout.balanceOf(payer).balance()).as("the wallet owes what it spent of the payment").isEqualTo(Money.cents(-320));
    }

    /** A top-up of {@code cents} for {@code payer}, paid and credited. */
    private static Payment paid(User payer, long cents) {
        var payment = Payment.of(checkout.started(payer, cents));
        assertThat(checkout.deliver(payment.completed("paid")).statusCode()).isEqualTo(200);
        assertThat(checkout.balanceOf(payer).balance()).isEqualTo(Money.cents(cents));
        return payment;
    }

    /** A call that cost {@code cents}: held, then captured. */
    private static void spend(User payer, long cents) {
        var ledger = app.bean(Ledger.class);
        var key = UUID.randomUUID().toString();
        var hold = ledger.hold(checkout.walletOf(payer), Money.cents(cents), Memo.text("Call"), key, Duration.ofMinutes(5), key).block();
        ledger.capture(hold.id(), Money.cents(cents), Memo.text("Call")).block();
    }

    private static Optional<PaymentToReview> toReview(Payment payment) {
        return app.bean(TopUps.class).toReview(1_000).filter(review -> review.topUp().equals(payment.topUp().id())).next().blockOptional();
    }

    private static Map<TransactionKind, Money> booked(User payer) {
        return checkout.totalsByKind(List.of(checkout.walletOf(payer)));
    }
}
