package com.mobayilo.payments;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The top-ups, by id, by their Stripe ids, and a wallet's own. */
@Repository
public class TopUps {

    private static final String COLUMNS = """
            id, wallet_id, payer_id, amount_cents, status, checkout_session_id, payment_intent_id, card_brand, card_last4,
            refunded_cents, language, created_at, paid_at, origin, saves_card""";

    private final DatabaseClient db;

    TopUps(DatabaseClient db) {
        this.db = db;
    }

    Mono<TopUp> insert(TopUp topUp) {
        return db.sql("insert into top_ups (id, wallet_id, payer_id, amount_cents, status, language, created_at, origin, saves_card) "
                        + "values (:id, :wallet, :payer, :amount, :status, :language, :created, :origin, :savesCard)")
                .bind("id", topUp.id().value()).bind("wallet", topUp.wallet().value()).bind("payer", topUp.payer().value())
                .bind("amount", topUp.amount().cents()).bind("status", topUp.status().name())
                .bind("language", topUp.language().toLanguageTag()).bind("created", topUp.createdAt())
                .bind("origin", topUp.origin().name()).bind("savesCard", topUp.savesCard())
                .then().thenReturn(topUp);
    }

    Mono<Void> checkoutOpened(TopUpId id, String sessionId) {
        return db.sql("update top_ups set checkout_session_id = :session where id = :id").bind("id", id.value()).bind("session", sessionId).then();
    }

    public Mono<TopUp> find(TopUpId id) {
        return db.sql("select " + COLUMNS + " from top_ups where id = :id").bind("id", id.value()).map(TopUps::topUp).one();
    }

    /** The top-up, when it credits {@code wallet}: people see only their wallet's (a company's admins see each other's). */
    public Mono<TopUp> findIn(TopUpId id, WalletId wallet) {
        return db.sql("select " + COLUMNS + " from top_ups where id = :id and wallet_id = :wallet").bind("id", id.value()).bind("wallet", wallet.value())
                .map(TopUps::topUp).one();
    }

    /** The top-up, when {@code payer} is who pays it: people see only their own. */
    public Mono<TopUp> findFor(TopUpId id, UserId payer) {
        return db.sql("select " + COLUMNS + " from top_ups where id = :id and payer_id = :payer").bind("id", id.value()).bind("payer", payer.value())
                .map(TopUps::topUp).one();
    }

    /** The top-up a checkout session pays for, as it stands now. */
    public Mono<TopUp> findBySession(String sessionId) {
        return db.sql("select " + COLUMNS + " from top_ups where checkout_session_id = :session").bind("session", sessionId).map(TopUps::topUp).one();
    }

    /** The top-up for an update, locked until the transaction ends so concurrent events apply one after another. */
    Mono<TopUp> lock(TopUpId id) {
        return db.sql("select " + COLUMNS + " from top_ups where id = :id for update").bind("id", id.value()).map(TopUps::topUp).one();
    }

    Mono<TopUp> lockBySession(String sessionId) {
        return db.sql("select " + COLUMNS + " from top_ups where checkout_session_id = :session for update").bind("session", sessionId)
                .map(TopUps::topUp).one();
    }

    Mono<TopUp> lockByPaymentIntent(String paymentIntentId) {
        return db.sql("select " + COLUMNS + " from top_ups where payment_intent_id = :intent for update").bind("intent", paymentIntentId)
                .map(TopUps::topUp).one();
    }

    Mono<Void> paid(TopUpId id, String paymentIntentId, Instant at) {
        return db.sql("update top_ups set status = 'PAID', payment_intent_id = coalesce(:intent, payment_intent_id), paid_at = :at where id = :id")
                .bind("id", id.value()).bind("intent", Parameter.fromOrEmpty(paymentIntentId, String.class)).bind("at", at).then();
    }

    Mono<Void> processing(TopUpId id, String paymentIntentId) {
        return db.sql("update top_ups set status = 'PROCESSING', payment_intent_id = coalesce(:intent, payment_intent_id) "
                        + "where id = :id and status = 'OPEN'")
                .bind("id", id.value()).bind("intent", Parameter.fromOrEmpty(paymentIntentId, String.class)).then();
    }

    Mono<Void> failed(TopUpId id) {
        return db.sql("update top_ups set status = 'FAILED' where id = :id and status <> 'PAID'").bind("id", id.value()).then();
    }

    /** A charge refused by the card's bank, with the provider's reason code. */
    /** True when this refusal is news: the top-up was still open or under way. */
    Mono<Boolean> failedWith(TopUpId id, String code) {
        return db.sql("update top_ups set status = 'FAILED', failure_code = :code where id = :id and status in ('OPEN', 'PROCESSING')")
                .bind("id", id.value()).bind("code", code).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The wallet's auto-recharge charge not settled yet, if any. */
    Mono<TopUp> autoRechargeUnderWay(WalletId wallet) {
        return db.sql("select " + COLUMNS + " from top_ups where wallet_id = :wallet and origin = 'AUTO_RECHARGE' and status in ('OPEN', 'PROCESSING') "
                        + "order by created_at limit 1")
                .bind("wallet", wallet.value()).map(TopUps::topUp).one();
    }

    Mono<Void> refunded(TopUpId id, Money refundedSoFar) {
        return db.sql("update top_ups set refunded_cents = greatest(refunded_cents, :refunded) where id = :id")
                .bind("id", id.value()).bind("refunded", refundedSoFar.cents()).then();
    }

    /** What the ledger already took for the top-up's refunds; the row is locked by the caller. */
    Mono<Money> refundBooked(TopUpId id) {
        return db.sql("select refund_booked_cents from top_ups where id = :id").bind("id", id.value())
                .map(row -> Money.cents(row.get("refund_booked_cents", Long.class))).one();
    }

    /** Records what was booked for refunds and what is asked beyond the payment; a top-up with an excess is to be reviewed. */
    Mono<Void> takenBack(TopUpId id, Money refundBooked, Money excess) {
        return db.sql("""
                        update top_ups set refund_booked_cents = :booked, excess_cents = :excess,
                               review_since = case when :excess > 0 then coalesce(review_since, now()) end
                        where id = :id""")
                .bind("id", id.value()).bind("booked", refundBooked.cents()).bind("excess", excess.cents()).then();
    }

    /** Payments whose refunds and disputes asked back more than they credited, oldest first: for operators to review. */
    public Flux<PaymentToReview> toReview(int limit) {
        return db.sql("""
                        select t.id, t.review_since, u.email, t.amount_cents, t.refunded_cents, t.excess_cents, t.status,
                               coalesce((select sum(d.amount_cents) from disputes d where d.top_up_id = t.id and d.debited), 0) as disputed_cents
                        from top_ups t join users u on u.id = t.payer_id
                        where t.excess_cents > 0 order by t.review_since limit :limit""")
                .bind("limit", limit)
                .map(row -> new PaymentToReview(new TopUpId(row.get("id", UUID.class)), row.get("review_since", Instant.class), row.get("email", String.class),
                        Money.cents(row.get("amount_cents", Long.class)), TopUpStatus.valueOf(row.get("status", String.class)),
                        Money.cents(row.get("refunded_cents", Long.class)), Money.cents(row.get("disputed_cents", Number.class).longValue()),
                        Money.cents(row.get("excess_cents", Long.class))))
                .all();
    }

    public Mono<Void> card(TopUpId id, String brand, String last4) {
        return db.sql("update top_ups set card_brand = :brand, card_last4 = :last4 where id = :id")
                .bind("id", id.value()).bind("brand", brand).bind("last4", last4).then();
    }

    /** Marks the receipt mailed; true only the first time, so a receipt job run again mails nothing. */
    Mono<Boolean> receiptMailed(TopUpId id) {
        return db.sql("update top_ups set receipt_mailed_at = now() where id = :id and receipt_mailed_at is null")
                .bind("id", id.value()).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** A wallet's paid top-ups, newest first: the receipts it lists. */
    public Flux<TopUp> paidOf(WalletId wallet, int limit) {
        return db.sql("select " + COLUMNS + " from top_ups where wallet_id = :wallet and status = 'PAID' order by paid_at desc limit :limit")
                .bind("wallet", wallet.value()).bind("limit", limit).map(TopUps::topUp).all();
    }

    private static TopUp topUp(Readable row) {
        return new TopUp(new TopUpId(row.get("id", UUID.class)), new WalletId(row.get("wallet_id", UUID.class)), new UserId(row.get("payer_id", UUID.class)),
                Money.cents(row.get("amount_cents", Long.class)), TopUpStatus.valueOf(row.get("status", String.class)),
                row.get("checkout_session_id", String.class), row.get("payment_intent_id", String.class), row.get("card_brand", String.class),
                row.get("card_last4", String.class), Money.cents(row.get("refunded_cents", Long.class)),
                Locale.forLanguageTag(row.get("language", String.class)), row.get("created_at", Instant.class), row.get("paid_at", Instant.class),
                TopUp.Origin.valueOf(row.get("origin", String.class)), row.get("saves_card", Boolean.class));
    }
}
