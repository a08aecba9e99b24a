package com.mobayilo.wallet;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** A wallet's transaction history, newest first, read page by page or streamed whole for export. */
@Service
public class LedgerHistory {

    private static final String FROM = """
            from postings p join journal_transactions t on t.id = p.transaction_id
            where p.wallet_id = :wallet and t.kind = any(:kinds)
              and (cast(:from as timestamptz) is null or t.created_at >= :from)
              and (cast(:to as timestamptz) is null or t.created_at < :to)""";

    private final DatabaseClient db;

    LedgerHistory(DatabaseClient db) {
        this.db = db;
    }

    public Flux<HistoryEntry> page(WalletId wallet, HistoryFilter filter, long offset, int limit) {
        return bind(db.sql("select t.id, t.created_at, t.kind, p.amount_cents, p.balance_after_cents, t.memo, t.memo_key, t.memo_args::text as memo_args " + FROM
                + " order by p.id desc offset :offset limit :limit"), wallet, filter)
                .bind("offset", offset).bind("limit", limit)
                .map(LedgerHistory::entry).all();
    }

    public Mono<Long> count(WalletId wallet, HistoryFilter filter) {
        return bind(db.sql("select count(*) as n " + FROM), wallet, filter).map(row -> row.get("n", Long.class)).one();
    }

    /** Everything matching, newest first, fetched in pages so a long history never sits in memory at once. */
    public Flux<HistoryEntry> all(WalletId wallet, HistoryFilter filter) {
        var pageSize = 500;
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(page -> page(wallet, filter, (long) page * pageSize, pageSize).collectList())
                .takeUntil(page -> page.size() < pageSize)
                .concatMapIterable(page -> page);
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec, WalletId wallet, HistoryFilter filter) {
        var bound = spec.bind("wallet", wallet.value()).bind("kinds", filter.kindNames());
        bound = filter.from() == null ? bound.bindNull("from", Instant.class) : bound.bind("from", filter.from().atStartOfDay(filter.zone()).toInstant());
        return filter.to() == null ? bound.bindNull("to", Instant.class) : bound.bind("to", filter.to().plusDays(1).atStartOfDay(filter.zone()).toInstant());
    }

    private static HistoryEntry entry(Readable row) {
        return new HistoryEntry(row.get("id", UUID.class), row.get("created_at", Instant.class), TransactionKind.valueOf(row.get("kind", String.class)),
                Money.cents(row.get("amount_cents", Long.class)), Money.cents(row.get("balance_after_cents", Long.class)),
                Memo.stored(row.get("memo", String.class), row.get("memo_key", String.class), row.get("memo_args", String.class)));
    }
}
