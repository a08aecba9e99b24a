package com.mobayilo.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.codec.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Claims due jobs on this instance and runs them. Claiming uses {@code FOR UPDATE SKIP LOCKED}, so instances
 * never take the same job, and a claim is a lease: a job whose worker died is taken again when it runs out.
 */
@Component
class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DatabaseClient db;

    private final JsonMapper json;

    private final Map<String, JobHandler> handlers;

    private final Duration pollInterval;

    private final int batchSize;

    private final MeterRegistry meters;

    private volatile Disposable polling;

    JobWorker(DatabaseClient db, JsonMapper json, List<JobHandler> handlers, MeterRegistry meters,
            @Value("${mobayilo.jobs.poll-interval:500ms}") Duration pollInterval,
            @Value("${mobayilo.jobs.batch-size:10}") int batchSize) {
        this.db = db;
        this.meters = meters;
        this.json = json;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    @Override
    public void start() {
        polling = Flux.interval(pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> runDueJobs().onErrorResume(this::pollFailed), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        var current = polling;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        var current = polling;
        return current != null && !current.isDisposed();
    }

    /** Runs everything due now; also called directly by tests that want the queue drained. */
    Mono<Long> runDueJobs() {
        return claim().concatMap(this::run).count();
    }

    private Flux<ClaimedJob> claim() {
        return db.sql("""
                update jobs set attempts = attempts + 1, locked_until = now() + make_interval(secs => :lease)
                where id in (select id from jobs
                             where done_at is null and failed_at is null and run_at <= now()
                               and (locked_until is null or locked_until < now())
                             order by run_at limit :limit for update skip locked)
                returning id, type, payload, attempts, max_attempts""")
                .bind("lease", (double) LEASE.toSeconds())
                .bind("limit", batchSize)
                .map(row -> new ClaimedJob(row.get("id", Long.class), row.get("type", String.class),
                        row.get("payload", Json.class).asString(), row.get("attempts", Integer.class),
                        row.get("max_attempts", Integer.class)))
                .all();
    }

    private Mono<ClaimedJob> run(ClaimedJob job) {
        var handler = handlers.get(job.type());
        if (handler == null) {
            return failed(job, new IllegalStateException("No handler for job type " + job.type()));
        }
        return Mono.defer(() -> handler.handle(json.readTree(job.payload())))
                .then(done(job))
                .onErrorResume(ex -> failed(job, ex));
    }

    private Mono<ClaimedJob> done(ClaimedJob job) {
        return db.sql("update jobs set done_at = now(), locked_until = null where id = :id")
                .bind("id", job.id()).then().thenReturn(job);
    }

    private Mono<ClaimedJob> failed(ClaimedJob job, Throwable ex) {
        failures(job.type(), job.isLastAttempt() ? "final" : "retry").increment();
        if (job.isLastAttempt()) {
            log.error("Job {} ({}) failed for good after {} attempts", job.id(), job.type(), job.attempts(), ex);
            return db.sql("update jobs set failed_at = now(), locked_until = null, last_error = :error where id = :id")
                    .bind("id", job.id()).bind("error", String.valueOf(ex)).then().thenReturn(job);
        }
        log.warn("Job {} ({}) failed on attempt {}, retrying in {}: {}", job.id(), job.type(), job.attempts(), job.retryDelay(), ex.toString());
        return db.sql("update jobs set run_at = now() + make_interval(secs => :delay), locked_until = null, last_error = :error where id = :id")
                .bind("id", job.id())
                .bind("delay", (double) job.retryDelay().toSeconds())
                .bind("error", String.valueOf(ex))
                .then().thenReturn(job);
    }

    /** Failed attempts by job type: {@code retry} is tried again later, {@code final} failed for good. */
    private Counter failures(String type, String outcome) {
        return Counter.builder("mobayilo.jobs.failures").tag("type", type).tag("outcome", outcome).register(meters);
    }

    private Mono<Long> pollFailed(Throwable ex) {
        log.warn("Could not poll the job queue: {}", ex.toString());
        return Mono.just(0L);
    }
}
