package com.mobayilo.payments.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mobayilo.payments.CardRefused;
import com.mobayilo.payments.Checkouts;
import com.mobayilo.payments.SavedCard;
import com.mobayilo.payments.TopUp;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.payments.sandbox.StripeEventJson.CompletedCheckout;
import com.mobayilo.payments.stripe.StripeSignatures;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import reactor.core.publisher.Mono;

/**
 * The sandbox's stand-in for Stripe Checkout: a session is a page of the app ({@code /sandbox/checkout/<id>})
 * where Stripe's test cards are accepted, and a payment there is announced by the same signed webhook Stripe
 * sends. Like Stripe, it keeps each session's amount and return links, and the card of each payment.
 */
public class SandboxCheckouts implements Checkouts {

    public static final String PAGE = "sandbox/checkout";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Stripe's test cards, which the sandbox honours as Stripe does. */
    public static final List<TestCard> TEST_CARDS = List.of(new TestCard("4242424242424242", Outcome.PAID),
            new TestCard("4000000000000002", Outcome.DECLINED), new TestCard("4000000000009995", Outcome.INSUFFICIENT_FUNDS),
            new TestCard("4000002760003184", Outcome.PAID_AUTHENTICATION_ALWAYS));

    private final String uiUrl;

    private final SignedEvents events;

    private final Clock clock;

    private final Map<String, OpenSession> sessions = new ConcurrentHashMap<>();

    private final Map<String, Card> cardsByPaymentIntent = new ConcurrentHashMap<>();

    private final Map<String, SavedTestCard> savedCards = new ConcurrentHashMap<>();

    public SandboxCheckouts(String uiUrl, StripeSignatures signatures, String coreUrl, Clock clock) {
        this.uiUrl = uiUrl.replaceAll("/+$", "");
        this.events = new SignedEvents(signatures, coreUrl);
        this.clock = clock;
    }

    @Override
    public Mono<Session> open(TopUp topUp, Links links, String email) {
        var id = "cs_test_" + random();
        sessions.put(id, new OpenSession(id, topUp.id(), topUp.wallet(), topUp.amount(), email, links, topUp.savesCard()));
        return Mono.just(new Session(id, URI.create(uiUrl + "/" + PAGE + "/" + id)));
    }

    @Override
    public Mono<Optional<Card>> cardOf(TopUp topUp) {
        return Mono.just(Optional.ofNullable(topUp.paymentIntentId()).map(cardsByPaymentIntent::get));
    }

    /** A session opened here, as long as this process runs (a restart forgets it, as an expired Stripe session). */
    public Optional<OpenSession> session(String id) {
        return Optional.ofNullable(id).map(sessions::get);
    }

    /**
     * Pays {@code session} with {@code card} by Stripe's test-card rules. Only a successful payment is announced,
     * as {@code checkout.session.completed} to the webhook; the answer comes once the webhook has accepted it.
     */
    public Mono<Outcome> pay(OpenSession session, CardDetails card) {
        var outcome = TEST_CARDS.stream().filter(test -> test.number().equals(card.number())).map(TestCard::outcome).findFirst()
                .orElse(Outcome.NOT_A_TEST_CARD);
        if (!outcome.isPaid()) {
            return Mono.just(outcome);
        }
        var paymentIntent = "pi_sandbox_" + random();
        var paidWith = new Card(card.brand(), card.last4());
        paid(paymentIntent, paidWith);
        var completed = new CompletedCheckout(session.id(), session.topUp(), session.wallet(), session.email(), paymentIntent,
                session.amount().cents(), "paid");
        return events.deliver(StripeEventJson.checkoutCompleted(StripeEventJson.newEventId(), completed, clock.instant()))
                .then(session.savesCard() ? saveCard(session, paymentIntent, paidWith, outcome) : Mono.empty())
                .thenReturn(outcome);
    }

    /** Keeps the card on a sandbox customer, as Checkout does with setup_future_usage, and says so as Stripe does. */
    private Mono<Void> saveCard(OpenSession session, String paymentIntent, Card card, Outcome outcome) {
        var saved = new SavedTestCard("cus_sandbox_" + random(), "pm_sandbox_" + random(), card, outcome);
        savedCards.put(saved.paymentMethod(), saved);
        var intent = new StripeEventJson.PaymentIntent(paymentIntent, session.topUp(), session.wallet(), session.amount().cents(), saved.customer(),
                saved.paymentMethod(), null);
        return events.deliver(StripeEventJson.paymentIntent(StripeEventJson.newEventId(), intent, clock.instant()));
    }

    /**
     * Charges a card saved here without the person: Stripe's rules for its test cards, announced by the same
     * payment intent events. A card that always needs authentication is refused with authentication_required.
     */
    @Override
    public Mono<String> chargeSaved(TopUp topUp, SavedCard card) {
        var saved = savedCards.get(card.paymentMethodId());
        var paymentIntent = "pi_sandbox_" + random();
        var failure = saved == null ? "payment_method_not_available"
                : saved.outcome() == Outcome.PAID_AUTHENTICATION_ALWAYS ? "authentication_required" : null;
        var intent = new StripeEventJson.PaymentIntent(paymentIntent, topUp.id(), topUp.wallet(), topUp.amount().cents(), card.customerId(),
                card.paymentMethodId(), failure);
        if (saved != null) {
            paid(paymentIntent, saved.card());
        }
        var announced = events.deliver(StripeEventJson.paymentIntent(StripeEventJson.newEventId(), intent, clock.instant()));
        return failure == null ? announced.thenReturn(paymentIntent) : announced.then(Mono.error(new CardRefused(failure)));
    }

    /** Remembers the card a sandbox payment was made with, as Stripe would. */
    void paid(String paymentIntentId, Card card) {
        cardsByPaymentIntent.put(paymentIntentId, card);
    }

    static String random() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A checkout waiting for its payment: what it is for, who pays, and where the person goes next. */
    public record OpenSession(String id, TopUpId topUp, WalletId wallet, Money amount, String email, Links links, boolean savesCard) {
    }

    private record SavedTestCard(String customer, String paymentMethod, Card card, Outcome outcome) {
    }

    public record TestCard(String number, Outcome outcome) {
    }

    /** What paying with a card does in the sandbox: Stripe's test cards, and any other number refused. */
    public enum Outcome {
        PAID, DECLINED, INSUFFICIENT_FUNDS, NOT_A_TEST_CARD,
        /** Paid at checkout, but every later charge needs the holder present (Stripe's 4000 0027 6000 3184). */
        PAID_AUTHENTICATION_ALWAYS;

        public boolean isPaid() {
            return this == PAID || this == PAID_AUTHENTICATION_ALWAYS;
        }
    }
}
