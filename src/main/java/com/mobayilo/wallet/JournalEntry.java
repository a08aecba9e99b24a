package com.mobayilo.wallet;

import java.util.UUID;

/**
 * What a journal transaction says about itself: why money moved, what caused it, a memo (a translation key with
 * its arguments, or text as written), the key that makes it post once however often the same business event
 * arrives, and the operator who made it, if any.
 */
public record JournalEntry(TransactionKind kind, String sourceType, String sourceRef, Memo memo, String idempotencyKey, UUID actor) {

    public JournalEntry {
        if (kind == null || sourceType == null || sourceRef == null || idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A journal entry needs a kind, a source and an idempotency key");
        }
        memo = memo == null ? Memo.text("") : memo;
    }

    /** An entry whose memo is text as written, such as an operator's reason. */
    public JournalEntry(TransactionKind kind, String sourceType, String sourceRef, String memo, String idempotencyKey, UUID actor) {
        this(kind, sourceType, sourceRef, Memo.text(memo), idempotencyKey, actor);
    }

    public static JournalEntry of(TransactionKind kind, String sourceType, String sourceRef, String memo, String idempotencyKey) {
        return new JournalEntry(kind, sourceType, sourceRef, Memo.text(memo), idempotencyKey, null);
    }

    public static JournalEntry of(TransactionKind kind, String sourceType, String sourceRef, Memo memo, String idempotencyKey) {
        return new JournalEntry(kind, sourceType, sourceRef, memo, idempotencyKey, null);
    }
}
