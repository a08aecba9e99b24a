package com.mobayilo.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.mobayilo.jobs.ClusterTasks;
import com.mobayilo.jobs.JobHandler;
import com.mobayilo.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Calls whose ending never reached us (a lost callback, an outage) are asked about at the carrier once they are
 * older than the longest call plus a grace period, through the job queue, and settled through the same
 * {@link CallProgress} as a callback. The carrier's own price is kept for margin reports.
 */
@Component
class CallReconciliation implements JobHandler {

    static final String TYPE = "call.reconcile";

    private static final Logger log = LoggerFactory.getLogger(CallReconciliation.class);

    private final DatabaseClient db;

    private final Jobs jobs;

    private final CarrierCalls carrier;

    private final CallProgress progress;

    private final CallRecords records;

    private final CallSettings settings;

    private final TransactionalOperator transaction;

    private final Clock clock;

    private final ClusterTasks tasks;

    private final Duration scanInterval;

    CallReconciliation(DatabaseClient db, Jobs jobs, CarrierCalls carrier, CallProgress progress, CallRecords records, CallSettings settings,
            TransactionalOperator transaction, Clock clock, ClusterTasks tasks, @Value("${mobayilo.calls.stale-scan-interval:PT1M}") Duration scanInterval) {
        this.tasks = tasks;
        this.scanInterval = scanInterval;
        this.db = db;
        this.jobs = jobs;
        this.carrier = carrier;
        this.progress = progress;
        this.records = records;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Marks stale calls and queues one lookup each: once an interval across the cluster (decision 0033), each call queued once. */
    @Scheduled(fixedDelayString = "${mobayilo.calls.stale-scan-interval:PT1M}")
    Mono<Long> queueStaleCalls() {
        return tasks.runOnce("calls.stale-scan", scanInterval, this::queueStale);
    }

    private Mono<Long> queueStale() {
        return db.sql("""
                        update calls set reconcile_requested_at = now()
                        where id in (select id from calls
                                     where status in ('INITIATED', 'RINGING', 'IN_PROGRESS') and created_at < :before
                                       and reconcile_requested_at is null
                                     order by created_at limit 100 for update skip locked)
                        returning call_sid""")
                .bind("before", clock.instant().minus(settings.staleAfter()))
                .map(row -> row.get("call_sid", String.class)).all()
                .concatMap(callSid -> jobs.enqueue(TYPE, Map.of("callSid", callSid)).thenReturn(callSid))
                .count()
                .as(transaction::transactional)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Asking the carrier about {} calls with no ending", count);
                    }
                })
                .onErrorResume(ex -> {
                    log.warn("Could not queue stale calls: {}", ex.toString());
                    return Mono.just(0L);
                });
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Fails (and is retried later by the queue) while the carrier still reports the call as going on. */
    @Override
    public Mono<Void> handle(JsonNode payload) {
        var callSid = payload.get("callSid").asString();
        return carrier.ending(callSid)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Call " + callSid + " has not ended at the carrier yet")))
                .flatMap(ended -> progress.report(new StatusReport(callSid, callSid, "reconcile:" + ended.status().twilioName(), ended.status(),
                                ended.durationSeconds()))
                        .then(ended.priceCents().map(price -> records.findBySid(callSid).flatMap(call -> records.recordCarrierPrice(call.id(), price)))
                                .orElseGet(Mono::empty)))
                .then();
    }
}
