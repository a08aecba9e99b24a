package com.mobayilo.payments;

import java.util.UUID;

import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class Disputes {

    private final DatabaseClient db;

    Disputes(DatabaseClient db) {
        this.db = db;
    }

    /** The dispute, created open on its first event, locked until the transaction ends. */
    Mono<Dispute> lock(String id, TopUpId topUp, Money amount) {
        return db.sql("insert into disputes (id, top_up_id, amount_cents, status) values (:id, :topUp, :amount, 'OPEN') on conflict do nothing")
                .bind("id", id).bind("topUp", topUp.value()).bind("amount", amount.cents())
                .then()
                .then(db.sql("select id, top_up_id, amount_cents, status, debited from disputes where id = :id for update")
                        .bind("id", id).map(Disputes::dispute).one());
    }

    /** What each of the top-up's disputes asks (its amount while its funds are withdrawn) and took, locked. */
    Flux<TakeBack.Claim> claimsOn(TopUpId topUp) {
        return db.sql("select id, amount_cents, debited, taken_cents from disputes where top_up_id = :topUp order by id for update")
                .bind("topUp", topUp.value())
                .map(row -> new TakeBack.Claim(row.get("id", String.class),
                        Boolean.TRUE.equals(row.get("debited", Boolean.class)) ? Money.cents(row.get("amount_cents", Long.class)) : Money.ZERO,
                        Money.cents(row.get("taken_cents", Long.class))))
                .all();
    }

    Mono<Void> taken(String id, Money taken) {
        return db.sql("update disputes set taken_cents = :taken, updated_at = now() where id = :id").bind("id", id).bind("taken", taken.cents()).then();
    }

    Mono<Void> save(Dispute dispute) {
        return db.sql("update disputes set status = :status, debited = :debited, updated_at = now() where id = :id")
                .bind("id", dispute.id()).bind("status", dispute.status().name()).bind("debited", dispute.debited()).then();
    }

    private static Dispute dispute(Readable row) {
        return new Dispute(row.get("id", String.class), new TopUpId(row.get("top_up_id", UUID.class)), Money.cents(row.get("amount_cents", Long.class)),
                Dispute.Status.valueOf(row.get("status", String.class)), row.get("debited", Boolean.class));
    }
}
