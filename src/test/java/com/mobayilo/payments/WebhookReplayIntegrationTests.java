package com.mobayilo.payments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.mobayilo.accounts.User;
import com.mobayilo.payments.Checkout.Payment;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe delivers at least once and in no promised order. Here every kind of event, for several top-ups, is
 * delivered three times in a shuffled (seeded) order, each retryable answer delivered again later as Stripe
 * retries, and the ledger must end exactly as when each event is delivered once, in order.
 */
class WebhookReplayIntegrationTests {

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

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 20261124L, 7L, 424242L })
    void everyEventThreeTimesInAnyOrderBooksTheSameAsEachOnceInOrder(long seed) {
        var inOrder = World.open(checkout);
        var inOrderRetries = deliver(inOrder.events());
        assertThat(inOrderRetries).as("in order, nothing arrives early").isZero();

        var replayed = World.open(checkout);
        var deliveries = new ArrayList<String>();
        for (int copy = 0; copy < 3; copy++) {
            deliveries.addAll(replayed.events());
        }
        Collections.shuffle(deliveries, new Random(seed));
        var retries = deliver(deliveries);
        assertThat(retries).as("the shuffle delivered some events before their payment, which were retried").isPositive();

        var expected = expectedOutcomes();
        assertThat(inOrder.outcomes()).isEqualTo(expected);
        assertThat(replayed.outcomes()).isEqualTo(expected);
        assertThat(replayed.totals()).isEqualTo(inOrder.totals()).isEqualTo(Map.of(
                TransactionKind.TOP_UP, Money.cents(1_000 + 2_500 + 1_000 + 700 + 5_000 + 500),
                TransactionKind.REFUND, Money.cents(-1_000 - 300),
                TransactionKind.CHARGEBACK, Money.cents(-500)));
    }

    /** What each top-up ends as, whatever the order: its wallet's balance, its status, what was refunded, how often it was credited. */
    private static Map<String, Outcome> expectedOutcomes() {
        var expected = new LinkedHashMap<String, Outcome>();
        expected.put("paid, plus a type we ignore", new Outcome(Money.cents(1_000), TopUpStatus.PAID, Money.ZERO, 1));
        expected.put("paid later", new Outcome(Money.cents(2_500), TopUpStatus.PAID, Money.ZERO, 1));
        expected.put("failed later", new Outcome(Money.ZERO, TopUpStatus.FAILED, Money.ZERO, 0));
        expected.put("refunded in part, then in full", new Outcome(Money.ZERO, TopUpStatus.PAID, Money.cents(1_000), 1));
        expected.put("refunded in part", new Outcome(Money.cents(400), TopUpStatus.PAID, Money.cents(300), 1));
        expected.put("disputed and won", new Outcome(Money.cents(5_000), TopUpStatus.PAID, Money.ZERO, 1));
        expected.put("disputed and lost", new Outcome(Money.ZERO, TopUpStatus.PAID, Money.ZERO, 1));
        return expected;
    }

    /**
     * Posts each delivery; one answered with a retryable status goes to the back of the queue, as Stripe tries
     * again later. Every delivery must end accepted. Answers how many retries it took.
     */
    private static int deliver(List<String> deliveries) {
        var queue = new ArrayDeque<>(deliveries);
        var retries = 0;
        while (!queue.isEmpty()) {
            var payload = queue.removeFirst();
            var response = checkout.deliver(payload);
            if (Checkout.isRetryable(response)) {
                retries++;
                assertThat(retries).as("retries before everything is accepted").isLessThan(20 * deliveries.size());
                queue.addLast(payload);
            }
            else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }
        return retries;
    }

    record Outcome(Money balance, TopUpStatus status, Money refunded, long credits) {
    }

    /** A payer per story, each with one top-up, and the events Stripe sends about it, in the order it sends them. */
    private record World(Checkout checkout, Map<String, Story> stories) {

        static World open(Checkout checkout) {
            var stories = new LinkedHashMap<String, Story>();
            stories.put("paid, plus a type we ignore", Story.of(checkout, 1_000, payment -> List.of(payment.chargeSucceeded(), payment.completed("paid"))));
            stories.put("paid later", Story.of(checkout, 2_500, payment -> List.of(payment.completed("unpaid"), payment.asyncPayment(true))));
            stories.put("failed later", Story.of(checkout, 5_000, payment -> List.of(payment.completed("unpaid"), payment.asyncPayment(false))));
            stories.put("refunded in part, then in full", Story.of(checkout, 1_000, payment -> List.of(payment.completed("paid"),
                    payment.refunded(300), payment.refunded(1_000))));
            stories.put("refunded in part", Story.of(checkout, 700, payment -> List.of(payment.completed("paid"), payment.refunded(300, false))));
            stories.put("disputed and won", Story.of(checkout, 5_000, payment -> {
                var dispute = StripeJson.newId("dp");
                return List.of(payment.completed("paid"), payment.disputeCreated(dispute), payment.disputeClosed(dispute, "won"));
            }));
            stories.put("disputed and lost", Story.of(checkout, 500, payment -> {
                var dispute = StripeJson.newId("dp");
                return List.of(payment.completed("paid"), payment.disputeCreated(dispute), payment.disputeClosed(dispute, "lost"));
            }));
            return new World(checkout, stories);
        }

        List<String> events() {
            return stories.values().stream().flatMap(story -> story.events().stream()).toList();
        }

        Map<String, Outcome> outcomes() {
            var outcomes = new LinkedHashMap<String, Outcome>();
            stories.forEach((name, story) -> {
                var topUp = checkout.topUp(story.payment().topUp().id());
                outcomes.put(name, new Outcome(checkout.balanceOf(story.payer()).balance(), topUp.status(), topUp.refunded(), checkout.creditsOf(topUp)));
            });
            return outcomes;
        }

        Map<TransactionKind, Money> totals() {
            List<WalletId> wallets = stories.values().stream().map(story -> story.payment().topUp().wallet()).toList();
            return checkout.totalsByKind(wallets);
        }
    }

    private record Story(User payer, Payment payment, List<String> events) {

        static Story of(Checkout checkout, long cents, Function<Payment, List<String>> events) {
            var payer = checkout.payer();
            var payment = Payment.of(checkout.started(payer, cents));
            return new Story(payer, payment, events.apply(payment));
        }
    }
}
