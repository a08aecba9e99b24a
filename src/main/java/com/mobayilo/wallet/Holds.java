package com.mobayilo.wallet;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Holds in PostgreSQL. A hold leaves ACTIVE exactly once: every transition is conditional on that status. */
@Component
public class Holds {

    private static final String COLUMNS = "id, wallet_id, amount_cents, reason, reason_key, reason_args::text as reason_args, reference, status, captured_cents, expires_at";

    private final DatabaseClient db;

    Holds(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Hold> find(HoldId id) {
        return db.sql("select " + COLUMNS + " from holds where id = :id").bind("id", id.value()).map(Holds::hold).one();
    }

    Mono<Hold> findByKey(String idempotencyKey) {
        return db.sql("select " + COLUMNS + " from holds where idempotency_key = :key").bind("key", idempotencyKey).map(Holds::hold).one();
    }

    public Flux<Hold> activeOn(WalletId wallet) {
        return db.sql("select " + COLUMNS + " from holds where wallet_id = :wallet and status = 'ACTIVE' order by created_at")
                .bind("wallet", wallet.value()).map(Holds::hold).all();
    }

    /** Moves an active hold to its end state; empty if it was no longer active. */
    Mono<Hold> end(Hold ended) {
        var spec = db.sql("""
                update holds set status = :status, captured_cents = :captured, settled_at = now()
                where id = :id and status = 'ACTIVE'
                returning""" + " " + COLUMNS)
                .bind("id", ended.id().value()).bind("status", ended.status().name());
        spec = ended.captured() == null ? spec.bindNull("captured", Long.class) : spec.bind("captured", ended.captured().cents());
        return spec.map(Holds::hold).one();
    }

    Flux<HoldId> expiredIds(int limit) {
        return db.sql("select id from holds where status = 'ACTIVE' and expires_at < now() order by expires_at limit :limit")
                .bind("limit", limit).map(row -> new HoldId(row.get("id", UUID.class))).all();
    }

    private static Hold hold(Readable row) {
        var captured = row.get("captured_cents", Long.class);
        return new Hold(new HoldId(row.get("id", UUID.class)), new WalletId(row.get("wallet_id", UUID.class)),
                Money.cents(row.get("amount_cents", Long.class)),
                Memo.stored(row.get("reason", String.class), row.get("reason_key", String.class), row.get("reason_args", String.class)), row.get("reference", String.class),
                HoldStatus.valueOf(row.get("status", String.class)), captured == null ? null : Money.cents(captured),
                row.get("expires_at", Instant.class));
    }
}
