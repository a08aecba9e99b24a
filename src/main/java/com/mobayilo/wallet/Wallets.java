package com.mobayilo.wallet;

import java.util.UUID;

import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Customer wallets in PostgreSQL. Every change is one conditional {@code UPDATE … RETURNING}: the row lock it
 * takes serialises changes to one wallet, and its condition re-checks the rule, so concurrent holds and charges
 * can never overdraw it.
 */
@Component
public class Wallets {

    private static final String COLUMNS = "id, owner_type, owner_id, balance_cents, held_cents";

    private final DatabaseClient db;

    Wallets(DatabaseClient db) {
        this.db = db;
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

    /** Adds {@code delta} to the balance; a debit must leave available credit at zero or above unless it may overdraw. */
    Mono<Wallet> changeBalance(WalletId id, Money delta, boolean mayOverdraw) {
        return db.sql("""
                update wallets set balance_cents = balance_cents + :delta
                where id = :id and owner_id is not null
                  and (:delta >= 0 or :overdraw or balance_cents - held_cents + :delta >= 0)
                returning""" + " " + COLUMNS)
                .bind("id", id.value()).bind("delta", delta.cents()).bind("overdraw", mayOverdraw)
                .map(Wallets::wallet).one();
    }

    /** Moves {@code amount} from available to held, if it is available. */
    Mono<Wallet> reserve(WalletId id, Money amount) {
        return db.sql("""
                update wallets set held_cents = held_cents + :amount
                where id = :id and owner_id is not null and balance_cents - held_cents >= :amount
                returning""" + " " + COLUMNS)
                .bind("id", id.value()).bind("amount", amount.cents())
                .map(Wallets::wallet).one();
    }

    /** Ends a hold of {@code held}: charges {@code charge} of it and frees the rest. */
    Mono<Wallet> settle(WalletId id, Money held, Money charge) {
        return db.sql("""
                update wallets set balance_cents = balance_cents - :charge, held_cents = held_cents - :held
                where id = :id and held_cents >= :held
                returning""" + " " + COLUMNS)
                .bind("id", id.value()).bind("held", held.cents()).bind("charge", charge.cents())
                .map(Wallets::wallet).one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Wallet " + id + " holds less than " + held)));
    }

    private static Wallet wallet(Readable row) {
        return new Wallet(new WalletId(row.get("id", UUID.class)),
                new Owner(Owner.Type.valueOf(row.get("owner_type", String.class)), row.get("owner_id", UUID.class)),
                Money.cents(row.get("balance_cents", Long.class)), Money.cents(row.get("held_cents", Long.class)));
    }
}
