package com.mobayilo.payments;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.mobayilo.database.UnitOfWork;
import com.mobayilo.jobs.Jobs;
import com.mobayilo.payments.PaymentEvent.AsyncPaymentSettled;
import com.mobayilo.payments.PaymentEvent.ChargeRefunded;
import com.mobayilo.payments.PaymentEvent.CheckoutCompleted;
import com.mobayilo.payments.PaymentEvent.DisputeChanged;
import com.mobayilo.payments.PaymentEvent.Ignored;
import com.mobayilo.payments.PaymentEvent.PaymentIntentSettled;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.TransactionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Applies the payment provider's events to the ledger, each exactly once: the event id is recorded in the same
 * transaction as what it books, so a redelivered event finds its record and changes nothing. Bookings are also
 * order-tolerant: a refund books only what the cumulative refunded amount adds, and a dispute's debit and
 * return depend on its final state, not on the order its events came in.
 */
@Service
public class Payments {

    /** The receipt job: card details, then the receipt email. */
    public static final String RECEIPT_JOB = "topup.receipt";

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final DatabaseClient db;

    private final TopUps topUps;

    private final Disputes disputes;

    private final Ledger ledger;

    private final Jobs jobs;

    private final AutoRecharges autoRecharges;

    private final AutoRechargeStops stops;

    private final UnitOfWork unitOfWork;

    private final Clock clock;

    Payments(DatabaseClient db, TopUps topUps, Disputes disputes, Ledger ledger, Jobs jobs, AutoRecharges autoRecharges, AutoRechargeStops stops,
            UnitOfWork unitOfWork, Clock clock) {
        this.autoRecharges = autoRecharges;
        this.stops = stops;
        this.db = db;
        this.topUps = topUps;
        this.disputes = disputes;
        this.ledger = ledger;
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * True when the event was applied now; false when it had been already (a redelivery). One unit of work: a
     * serialization failure or deadlock anywhere in it runs the whole booking again, event record included.
     */
    public Mono<Boolean> apply(PaymentEvent event) {
        return unitOfWork.run(() -> firstDelivery(event).flatMap(first -> first ? book(event).thenReturn(true) : Mono.just(false)));
    }

    private Mono<Boolean> firstDelivery(PaymentEvent event) {
        return db.sql("insert into stripe_events (id, type) values (:id, :type) on conflict do nothing")
                .bind("id", event.eventId()).bind("type", event.type())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private Mono<Void> book(PaymentEvent event) {
        return switch (event) {
            case CheckoutCompleted completed -> completed.paid()
                    ? credit(completed.sessionId(), completed.topUp(), completed.paymentIntentId(), completed.amount(), completed.currency())
                    : session(completed.sessionId(), completed.topUp()).flatMap(topUp -> topUps.processing(topUp.id(), completed.paymentIntentId()));
            case AsyncPaymentSettled settled -> settled.succeeded()
                    ? credit(settled.sessionId(), settled.topUp(), settled.paymentIntentId(), settled.amount(), settled.currency())
                    : session(settled.sessionId(), settled.topUp()).flatMap(topUp -> topUps.failed(topUp.id()));
            case ChargeRefunded refunded -> refund(refunded);
            case DisputeChanged dispute -> dispute(dispute);
            case PaymentIntentSettled intent -> paymentIntent(intent);
            case Ignored ignored -> Mono.empty();
        };
    }

    private Mono<Void> credit(String sessionId, Optional<TopUpId> id, String paymentIntentId, Money paid, String currency) {
        return credit(session(sessionId, id), paymentIntentId, paid, currency);
    }

    /** Credits the wallet once for a confirmed payment of exactly the amount chosen. */
    private Mono<Void> credit(Mono<TopUp> found, String paymentIntentId, Money paid, String currency) {
        return found
                .filter(TopUp::needsCredit)
                .filter(topUp -> amountMatches(topUp, paid, currency))
                .flatMap(topUp -> topUps.paid(topUp.id(), paymentIntentId, clock.instant())
                        .then(ledger.credit(topUp.wallet(), topUp.amount(), entry(TransactionKind.TOP_UP, topUp, "topup:" + topUp.id(),
                                Memo.of("memo.topup", topUp.amount()))))
                        .then(takeBack(topUp, topUp.amount(), topUp.refunded(), "credit"))
                        .then(jobs.enqueue(RECEIPT_JOB, Map.of("topUp", topUp.id().toString()))));
    }

    private static boolean amountMatches(TopUp topUp, Money paid, String currency) {
        if (topUp.matches(paid, currency)) {
            return true;
        }
        log.error("Top-up {} was for {} but the provider reports {} {}: not credited, to be checked by hand", topUp.id(), topUp.amount(),
                paid, currency);
        return false;
    }

    /**
     * An auto-recharge charge is credited, or stops auto-recharge, when its payment intent ends; a checkout that
     * saves the card leaves its customer and payment method for later charges.
     */
    private Mono<Void> paymentIntent(PaymentIntentSettled intent) {
        var found = payment(intent.paymentIntentId(), intent.topUp()).cache();
        return found.flatMap(topUp -> {
            if (topUp.isAutoRecharge()) {
                return intent.succeeded() ? credit(found, intent.paymentIntentId(), intent.amount(), intent.currency())
                        : stops.stop(topUp, intent.failureCode());
            }
            if (topUp.savesCard() && intent.succeeded() && intent.customerId() != null && intent.paymentMethodId() != null) {
                return autoRecharges.cardSaved(topUp.wallet(), new SavedCard(intent.customerId(), intent.paymentMethodId(), topUp.id()));
            }
            return Mono.empty();
        });
    }

    /** Records the refunded total Stripe reports (the largest seen) and takes back what it adds, within the payment. */
    private Mono<Void> refund(ChargeRefunded refunded) {
        return payment(refunded.paymentIntentId(), refunded.topUp())
                .flatMap(topUp -> topUps.refunded(topUp.id(), refunded.refundedSoFar())
                        .then(takeBack(topUp, credited(topUp), topUp.refunded().max(refunded.refundedSoFar()), refunded.eventId())));
    }

    /** Records whether the dispute withdraws its amount, then takes back or gives back accordingly, within the payment. */
    private Mono<Void> dispute(DisputeChanged change) {
        return payment(change.paymentIntentId(), Optional.empty())
                .flatMap(topUp -> disputes.lock(change.disputeId(), topUp.id(), change.amount())
                        .map(dispute -> dispute.after(change.won(), change.movesFunds()))
                        .flatMap(next -> disputes.save(next.dispute()))
                        .then(takeBack(topUp, credited(topUp), topUp.refunded(), change.eventId())));
    }

    private static Money credited(TopUp topUp) {
        return topUp.isPaid() ? topUp.amount() : Money.ZERO;
    }

    /**
     * Brings what the top-up's refunds and disputes took to what they may take: in all at most what it credited
     * (docs/decisions/0024-taking-back-payments-and-memo-keys.md). What is asked beyond that is not booked but kept on the top-up
     * for a person to review. {@code cause} (the event id) makes each dispute's booking key unique.
     */
    private Mono<Void> takeBack(TopUp topUp, Money credited, Money refundAsked, String cause) {
        return Mono.zip(topUps.refundBooked(topUp.id()), disputes.claimsOn(topUp.id()).collectList())
                .map(state -> new TakeBack(credited, refundAsked, state.getT1(), state.getT2()))
                .flatMap(takeBack -> {
                    var plan = takeBack.plan();
                    var refundBooked = plan.movements().stream().filter(TakeBack.Refund.class::isInstance).map(TakeBack.Refund.class::cast)
                            .map(TakeBack.Refund::bookedAfter).findFirst().orElse(takeBack.refundBooked());
                    warnIfExcess(topUp, credited, plan);
                    return Flux.fromIterable(plan.movements()).concatMap(movement -> book(topUp, movement, cause))
                            .then(topUps.takenBack(topUp.id(), refundBooked, plan.excess()));
                });
    }

    private static void warnIfExcess(TopUp topUp, Money credited, TakeBack.Plan plan) {
        if (plan.needsReview() && credited.isPositive()) {
            log.warn("Top-up {} credited {} but its refunds and disputes ask {} more: not booked, listed for review", topUp.id(), credited, plan.excess());
        }
        else if (plan.needsReview()) {
            log.info("Top-up {} is not credited yet; its refunds and disputes ({} asked) wait for it", topUp.id(), plan.excess());
        }
    }

    private Mono<Void> book(TopUp topUp, TakeBack.Movement movement, String cause) {
        return switch (movement) {
            case TakeBack.Refund refund -> ledger.debit(topUp.wallet(), refund.amount(), entry(TransactionKind.REFUND, topUp,
                    "refund:" + topUp.id() + ":" + refund.bookedAfter().cents(), Memo.of("memo.refund", topUp.amount())))
                    .then();
            case TakeBack.DisputeChange taken when taken.change().isPositive() -> ledger.debit(topUp.wallet(), taken.change(),
                    entry(TransactionKind.CHARGEBACK, topUp, "dispute:" + taken.dispute() + ":" + cause, Memo.of("memo.dispute", topUp.amount())))
                    .then(disputes.taken(taken.dispute(), taken.takenAfter()));
            case TakeBack.DisputeChange given -> ledger.credit(topUp.wallet(), given.change().negate(),
                    entry(TransactionKind.CHARGEBACK, topUp, "dispute-back:" + given.dispute() + ":" + cause, Memo.of("memo.dispute.back", topUp.amount())))
                    .then(disputes.taken(given.dispute(), given.takenAfter()));
        };
    }

    private Mono<TopUp> session(String sessionId, Optional<TopUpId> id) {
        return id.map(topUps::lock).orElseGet(() -> topUps.lockBySession(sessionId))
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("Checkout session {} is not one of ours: ignored", sessionId);
                    return Mono.empty();
                }));
    }

    private Mono<TopUp> payment(String paymentIntentId, Optional<TopUpId> id) {
        return id.map(topUps::lock).orElseGet(() -> topUps.lockByPaymentIntent(paymentIntentId))
                .switchIfEmpty(Mono.error(() -> new PaymentNotYetKnown(paymentIntentId)));
    }

    private static JournalEntry entry(TransactionKind kind, TopUp topUp, String key, Memo memo) {
        return JournalEntry.of(kind, "STRIPE", topUp.id().toString(), memo, key);
    }
}
