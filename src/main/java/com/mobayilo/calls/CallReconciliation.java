package com.mobayilo.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Calls whose ending never reached us (a lost callback, an outage) are asked about at the carrier soon after their
 * callbacks should have come, through the job queue, and settled through the same {@link CallProgress} as a callback:
 * a call still ringing minutes after it was placed, or still talking a minute past its own time limit (the minutes its
 * hold covers, which Twilio enforces from the answer). A lost callback then strands a hold, and the caller's
 * concurrent-call allowance, for minutes rather than for the longest call plus grace
 * (docs/decisions/0035-behaviour-under-database-faults.md). A call the carrier still reports going on is asked about
 * again by the queue's retries, and once more when it is older than the longest call plus grace.
 * The carrier's own price is kept for margin reports.
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

    /**
     * Marks overdue calls and queues one lookup each: once an interval across the cluster (decision 0033), each call
     * queued once (and once more if it outlives the longest call plus grace after that).
     */
    @Scheduled(fixedDelayString = "${mobayilo.calls.stale-scan-interval:PT1M}")
    Mono<Long> queueStaleCalls() {
        // The time is read when the run is claimed: Spring subscribes to the same Mono at every run, so reading it here
        // would compare every run with the time the app started.
        return tasks.runOnce("calls.stale-scan", scanInterval, () -> queueCallsOverdueAt(clock.instant()));
    }

    private Mono<Long> queueCallsOverdueAt(Instant now) {
        return db.sql("""
                        update calls set reconcile_requested_at = now()
                        where id in (select id from calls
                                     where status in ('INITIATED', 'RINGING', 'IN_PROGRESS')
                                       and (reconcile_requested_at is null or reconcile_requested_at < :stale)
                                       and ((status in ('INITIATED', 'RINGING') and created_at < :rangSince)
                                            or (status = 'IN_PROGRESS'
                                                and coalesce(answered_at, created_at) + make_interval(mins => held_minutes) < :overrunSince)
                                            or created_at < :stale)
                                     order by created_at limit 100 for update skip locked)
                        returning call_sid""")
                .bind("stale", now.minus(settings.staleAfter()))
                .bind("rangSince", now.minus(settings.ringingLookupAfter()))
                .bind("overrunSince", now.minus(settings.overrunLookupAfter()))
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
