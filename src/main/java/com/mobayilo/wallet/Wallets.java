package com.mobayilo.wallet;

import java.util.UUID;

import com.mobayilo.events.EventLog;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Customer wallets in PostgreSQL. Every change is one statement: a conditional {@code UPDATE … RETURNING} of the
 * wallet row, whose lock serialises changes to one wallet and whose condition re-checks the rule, together
 * with the postings and the {@code balance.changed} event that go with it (docs/decisions/0010-double-entry-ledger.md).
 * A wallet row is therefore locked for one round trip and the commit, which is what lets one hot wallet settle
 * hundreds of calls a second.
 */
@Component
public class Wallets {

    private static final String COLUMNS = "id, owner_type, owner_id, balance_cents, held_cents";

    private static final String ANNOUNCE = "e as (" + EventLog.appendFrom("w", "'wallet:' || w.id", BalanceChanged.TYPE,
            "jsonb_build_object('balanceCents', w.balance_cents, 'availableCents', w.balance_cents - w.held_cents)") + ")";

    private static final String RESULT = " select w.id, w.owner_type, w.owner_id, w.balance_cents, w.held_cents, (select id from e) as event_id from w";

    private final DatabaseClient db;

    private final MemoTexts memos;

    Wallets(DatabaseClient db, MemoTexts memos) {
        this.db = db;
        this.memos = memos;
    }

    public Mono<Wallet> find(WalletId id) {
        return db.sql("select " + COLUMNS + " from wallets where id = :id and owner_id is not null")
                .bind("id", id.value()).map(Wallets::wallet).one()
                .switchIfEmpty(Mono.error(WalletNotFound::new));
    }

    public Mono<Wallet> findByOwner(Owner owner) {
        return db.sql("select " + COLUMNS + " from wallets where owner_type = :type and owner_id = :owner")
                .bind("type", owner.type().name()).bind("owner", owner.id()).map(Wallets::wallet).one();
    }

    /** The owner's wallet, created empty the first time it is asked for. */
    Mono<Wallet> open(Owner owner) {
        return db.sql("insert into wallets (id, owner_type, owner_id) values (:id, :type, :owner) on conflict (owner_type, owner_id) do nothing")
                .bind("id", WalletId.newId().value()).bind("type", owner.type().name()).bind("owner", owner.id())
                .then()
                .then(findByOwner(owner));
    }

    /**
     * Adds {@code delta} to the balance and books it against the kind's system account in journal transaction
     * {@code transaction}. A debit must leave available credit at zero or above unless the kind may overdraw;
     * empty if it may not.
     */
    Mono<Changed> post(WalletId id, Money delta, TransactionKind kind, UUID transaction) {
        return db.sql("""
                with w as (update wallets set balance_cents = balance_cents + :delta
                           where id = :id and owner_id is not null
                             and (:delta >= 0 or :overdraw or balance_cents - held_cents + :delta >= 0)
                           returning""" + " " + COLUMNS + "), " + """
                     p as (insert into postings (transaction_id, wallet_id, amount_cents, balance_after_cents)
                           select cast(:transaction as uuid), w.id, cast(:delta as bigint), w.balance_cents from w
                           union all select cast(:transaction as uuid), cast(:system as uuid), -cast(:delta as bigint), null from w),
                """ + ANNOUNCE + RESULT)
                .bind("id", id.value()).bind("delta", delta.cents()).bind("overdraw", kind.mayOverdraw())
                .bind("transaction", transaction).bind("system", kind.counterpart().wallet().value())
                .map(Changed::of).one();
    }

    /** Moves {@code hold}'s amount from available to held and records the hold; empty if it is not available. */
    Mono<Changed> reserve(Hold hold, String idempotencyKey, double lifetimeSeconds) {
        var spec = db.sql("""
                with w as (update wallets set held_cents = held_cents + :amount
                           where id = :wallet and owner_id is not null and balance_cents - held_cents >= :amount
                           returning""" + " " + COLUMNS + "), " + """
                     h as (insert into holds (id, wallet_id, amount_cents, reason, reason_key, reason_args, reference, idempotency_key, status, expires_at)
                           select cast(:id as uuid), w.id, cast(:amount as bigint), cast(:reason as text), cast(:reasonKey as text),
                                  cast(:reasonArgs as jsonb), cast(:reference as text),
                                  cast(:key as text), 'ACTIVE', now() + make_interval(secs => :lifetime) from w),
                """ + ANNOUNCE + RESULT)
                .bind("wallet", hold.wallet().value()).bind("amount", hold.amount().cents()).bind("id", hold.id().value())
                .bind("reason", memos.english(hold.reason()))
                .bind("reasonKey", Parameter.fromOrEmpty(hold.reason().key(), String.class))
                .bind("reasonArgs", Parameter.fromOrEmpty(hold.reason().argsJson(), String.class)).bind("key", idempotencyKey).bind("lifetime", lifetimeSeconds);
        spec = hold.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", hold.reference());
        return spec.map(Changed::of).one();
    }

    /**
     * Moves as many whole {@code unit}s as are available, up to {@code wanted}'s amount, from available to held, and
     * records the hold for what was moved; empty if not even one unit is available. The amount is worked out from
     * the wallet row this statement locks, never from an earlier read, so holds on a shared wallet cannot
     * invalidate each other.
     */
    Mono<Reserved> reserveUpTo(Hold wanted, Money unit, String idempotencyKey, double lifetimeSeconds) {
        var spec = db.sql("""
                with a as (select id as wallet_id, least(cast(:most as bigint), (balance_cents - held_cents) / :unit * :unit) as amount
                           from wallets where id = :wallet and owner_id is not null for update),
                     w as (update wallets set held_cents = held_cents + a.amount from a
                           where wallets.id = a.wallet_id and a.amount >= :unit
                           returning wallets.id, owner_type, owner_id, balance_cents, held_cents, a.amount),
                     h as (insert into holds (id, wallet_id, amount_cents, reason, reason_key, reason_args, reference, idempotency_key, status, expires_at)
                           select cast(:id as uuid), w.id, w.amount, cast(:reason as text), cast(:reasonKey as text), cast(:reasonArgs as jsonb),
                                  cast(:reference as text), cast(:key as text), 'ACTIVE', now() + make_interval(secs => :lifetime) from w),
                """ + ANNOUNCE + " select w.id, w.owner_type, w.owner_id, w.balance_cents, w.held_cents, w.amount, (select id from e) as event_id from w")
                .bind("wallet", wanted.wallet().value()).bind("most", wanted.amount().cents()).bind("unit", unit.cents())
                .bind("id", wanted.id().value()).bind("reason", memos.english(wanted.reason()))
                .bind("reasonKey", Parameter.fromOrEmpty(wanted.reason().key(), String.class))
                .bind("reasonArgs", Parameter.fromOrEmpty(wanted.reason().argsJson(), String.class))
                .bind("key", idempotencyKey).bind("lifetime", lifetimeSeconds);
        spec = wanted.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", wanted.reference());
        return spec.map(row -> new Reserved(wanted.resized(Money.cents(row.get("amount", Long.class))), Changed.of(row))).one();
    }

    /**
     * Ends a hold of {@code held}: charges {@code charge} of it, booked in {@code transaction} against call revenue
     * (none for a free call), and frees the rest.
     */
    Mono<Changed> settle(Hold ended, Money charge, UUID transaction) {
        var spec = db.sql("""
                with w as (update wallets set balance_cents = balance_cents - :charge, held_cents = held_cents - :held
                           where id = :wallet and held_cents >= :held
                           returning""" + " " + COLUMNS + "), " + """
                     p as (insert into postings (transaction_id, wallet_id, amount_cents, balance_after_cents)
                           select cast(:transaction as uuid), w.id, -cast(:charge as bigint), w.balance_cents from w where cast(:charge as bigint) > 0
                           union all select cast(:transaction as uuid), cast(:revenue as uuid), cast(:charge as bigint), null from w where cast(:charge as bigint) > 0),
                     h as (update holds set transaction_id = cast(:transaction as uuid) where id = :hold and cast(:transaction as uuid) is not null),
                """ + ANNOUNCE + RESULT)
                .bind("wallet", ended.wallet().value()).bind("held", ended.amount().cents()).bind("charge", charge.cents())
                .bind("revenue", TransactionKind.CALL_CHARGE.counterpart().wallet().value()).bind("hold", ended.id().value());
        spec = transaction == null ? spec.bindNull("transaction", UUID.class) : spec.bind("transaction", transaction);
        return spec.map(Changed::of).one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Wallet " + ended.wallet() + " holds less than " + ended.amount())));
    }

    private static Wallet wallet(Readable row) {
        return new Wallet(new WalletId(row.get("id", UUID.class)),
                new Owner(Owner.Type.valueOf(row.get("owner_type", String.class)), row.get("owner_id", UUID.class)),
                Money.cents(row.get("balance_cents", Long.class)), Money.cents(row.get("held_cents", Long.class)));
    }

    /** A hold just placed, and its wallet after it. */
    record Reserved(Hold hold, Changed changed) {
    }

    /** A wallet after a change, and the id of the event announcing it. */
    record Changed(Wallet wallet, long eventId) {

        static Changed of(Readable row) {
            return new Changed(Wallets.wallet(row), row.get("event_id", Long.class));
        }
    }
}
