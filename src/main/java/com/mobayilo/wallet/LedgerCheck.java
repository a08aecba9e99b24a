package com.mobayilo.wallet;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.mobayilo.jobs.ClusterTasks;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Verifies the ledger: run hourly (logged, and exported as the {@code mobayilo.ledger.drift} gauge) and on
 * demand at {@code /actuator/ledger}.
 */
@Service
public class LedgerCheck {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheck.class);

    private final DatabaseClient db;

    private final AtomicLong drift = new AtomicLong();

    private final ClusterTasks tasks;

    private final Duration interval;

    LedgerCheck(DatabaseClient db, MeterRegistry meters, ClusterTasks tasks, @Value("${mobayilo.ledger.check-interval:PT1H}") Duration interval) {
        this.db = db;
        this.tasks = tasks;
        this.interval = interval;
        meters.gauge("mobayilo.ledger.drift", drift);
    }

    public Mono<LedgerReport> run() {
        var drifts = db.sql("""
                select w.id, w.balance_cents, w.held_cents,
                       coalesce((select sum(p.amount_cents) from postings p where p.wallet_id = w.id), 0) as posted,
                       coalesce((select sum(h.amount_cents) from holds h where h.wallet_id = w.id and h.status = 'ACTIVE'), 0) as holds
                from wallets w where w.owner_id is not null""")
                .map(row -> new LedgerReport.Drift(row.get("id", UUID.class).toString(), row.get("balance_cents", Long.class),
                        row.get("posted", Number.class).longValue(), row.get("held_cents", Long.class), row.get("holds", Number.class).longValue()))
                .all()
                .filter(found -> found.storedBalanceCents() != found.postedBalanceCents() || found.storedHeldCents() != found.activeHoldsCents())
                .collectList();
        var totals = db.sql("select (select count(*) from wallets where owner_id is not null) as wallets, count(*) as postings, coalesce(sum(amount_cents), 0) as total from postings")
                .map(row -> new long[] { row.get("wallets", Long.class), row.get("postings", Long.class), row.get("total", Number.class).longValue() })
                .one();
        return Mono.zip(totals, drifts, (counts, found) -> new LedgerReport(counts[0], counts[1], counts[2], found));
    }

    /** Once an interval across the cluster; every replica wakes for it, one runs it (decision 0033). */
    @Scheduled(fixedDelayString = "${mobayilo.ledger.check-interval:PT1H}", initialDelayString = "${mobayilo.ledger.check-initial-delay:PT1M}")
    Mono<LedgerReport> scheduled() {
        return tasks.runOnce("ledger.check", interval, this::run).doOnNext(report -> {
            drift.set(report.drifts().size() + (report.sumOfAllPostingsCents() == 0 ? 0 : 1));
            if (report.isConsistent()) {
                log.info("Ledger consistent: {} wallets, {} postings", report.wallets(), report.postings());
            }
            else {
                log.error("LEDGER DRIFT: postings sum to {} cents; wallets differing: {}", report.sumOfAllPostingsCents(), report.drifts());
            }
        }).onErrorResume(ex -> {
            log.warn("Could not check the ledger: {}", ex.toString());
            return Mono.empty();
        });
    }
}
