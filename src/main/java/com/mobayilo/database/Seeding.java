package com.mobayilo.database;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What replicas create on first start (the sandbox's demo accounts, company, credit and sample deck) is looked for
 * and created in one transaction under one advisory lock, the same on every replica: replicas starting together on
 * an empty database seed one after another, and each later one finds what the first committed
 * (docs/decisions/0033-replicas.md). Each statement's snapshot is taken after the lock is granted, so a
 * find-then-insert under it cannot race.
 */
@Component
public class Seeding {

    /** The advisory lock's key: any fixed number no other lock uses ("seed" in ASCII). */
    private static final long LOCK = 0x73656564L;

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    Seeding(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Runs {@code work} in one transaction that first waits for every other replica's seeding to commit. */
    public <T> Mono<T> exclusively(Supplier<Mono<T>> work) {
        return db.sql("select pg_advisory_xact_lock(:lock)").bind("lock", LOCK).then()
                .then(Mono.defer(work))
                .as(transaction::transactional);
    }
}
