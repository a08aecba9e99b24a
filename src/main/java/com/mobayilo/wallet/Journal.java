package com.mobayilo.wallet;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Journal transactions and their postings. Both tables are append-only (a trigger refuses updates and
 * deletes) and each transaction's postings must sum to zero when the database transaction commits.
 */
@Component
class Journal {

    private final DatabaseClient db;

    private final MemoTexts memos;

    Journal(DatabaseClient db, MemoTexts memos) {
        this.db = db;
        this.memos = memos;
    }

    /** Starts a transaction; empty if one with the same idempotency key was already posted. */
    Mono<UUID> begin(JournalEntry entry) {
        var spec = db.sql("""
                insert into journal_transactions (id, kind, source_type, source_ref, memo, memo_key, memo_args, idempotency_key, actor_id)
                values (:id, :kind, :sourceType, :sourceRef, :memo, :memoKey, cast(:memoArgs as jsonb), :key, :actor)
                on conflict (idempotency_key) do nothing
                returning id""")
                .bind("id", UUID.randomUUID()).bind("kind", entry.kind().name())
                .bind("sourceType", entry.sourceType()).bind("sourceRef", entry.sourceRef())
                .bind("memo", memos.english(entry.memo())).bind("memoKey", Parameter.fromOrEmpty(entry.memo().key(), String.class))
                .bind("memoArgs", Parameter.fromOrEmpty(entry.memo().argsJson(), String.class)).bind("key", entry.idempotencyKey());
        spec = entry.actor() == null ? spec.bindNull("actor", UUID.class) : spec.bind("actor", entry.actor());
        return spec.map(row -> row.get("id", UUID.class)).one();
    }

    Mono<UUID> findByKey(String idempotencyKey) {
        return db.sql("select id from journal_transactions where idempotency_key = :key").bind("key", idempotencyKey)
                .map(row -> row.get("id", UUID.class)).one();
    }
}
