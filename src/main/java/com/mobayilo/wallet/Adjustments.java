package com.mobayilo.wallet;

import java.time.Instant;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Operators' corrections. Each names its operator and a mandatory reason, which the journal keeps for good:
 * the audit trail is the append-only journal itself.
 */
@Service
public class Adjustments {

    private final Ledger ledger;

    private final DatabaseClient db;

    Adjustments(Ledger ledger, DatabaseClient db) {
        this.ledger = ledger;
        this.db = db;
    }

    /**
     * Credits (positive) or debits (negative) a wallet. {@code requestKey} identifies the operator's submission,
     * so a double click books once. A debit may not take available credit below zero.
     */
    public Mono<Posted> adjust(WalletId wallet, Money amount, UserId operator, String reason, String requestKey) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new ReasonRequired());
        }
        if (amount == null || amount.isZero()) {
            return Mono.error(new InvalidAmount());
        }
        var entry = new JournalEntry(TransactionKind.ADJUSTMENT, "OPERATOR", operator.toString(), reason, "adjustment:" + requestKey, operator.value());
        return amount.isPositive() ? ledger.credit(wallet, amount, entry) : ledger.debit(wallet, amount.negate(), entry);
    }

    /** The latest adjustments, newest first. Reads users for names: an operator's read model. */
    public Flux<Adjustment> recent(int limit) {
        return db.sql("""
                select t.created_at, coalesce(actor.email, '?') as operator, coalesce(owner.email, w.owner_id::text) as owner, p.amount_cents, t.memo
                from journal_transactions t
                join postings p on p.transaction_id = t.id
                join wallets w on w.id = p.wallet_id and w.owner_id is not null
                left join users actor on actor.id = t.actor_id
                left join users owner on owner.id = w.owner_id and w.owner_type = 'USER'
                where t.kind = 'ADJUSTMENT' order by t.created_at desc limit :limit""")
                .bind("limit", limit)
                .map(row -> new Adjustment(row.get("created_at", Instant.class), row.get("operator", String.class), row.get("owner", String.class),
                        Money.cents(row.get("amount_cents", Long.class)), row.get("memo", String.class)))
                .all();
    }
}
