package com.mobayilo.jobs;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue as an operator watches it, by job type: how many wait, how many are due, how long the oldest due one has
 * waited, and how many failed for good (kept for the failed-jobs retention period, docs/decisions/0036-retention.md).
 * Sampled from the table on every replica, so any replica's scrape shows the cluster's queue; a queue that grows or
 * ages is a worker that cannot keep up or a handler that keeps failing.
 */
@Component
class JobQueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(JobQueueMetrics.class);

    private final DatabaseClient db;

    private final MultiGauge waiting;

    private final MultiGauge due;

    private final MultiGauge oldestDueSeconds;

    private final MultiGauge failed;

    JobQueueMetrics(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.waiting = MultiGauge.builder("mobayilo.jobs.waiting").description("Jobs not yet done or failed for good").register(meters);
        this.due = MultiGauge.builder("mobayilo.jobs.due").description("Waiting jobs whose time has come").register(meters);
        this.oldestDueSeconds = MultiGauge.builder("mobayilo.jobs.oldest.due").baseUnit("seconds")
                .description("How long the oldest due job has waited past its time").register(meters);
        this.failed = MultiGauge.builder("mobayilo.jobs.failed").description("Jobs that failed for good, still kept").register(meters);
    }

    @Scheduled(fixedDelayString = "${mobayilo.metrics.sample-interval:PT30S}", initialDelayString = "PT5S")
    Mono<List<TypeSample>> sample() {
        return db.sql("""
                        select type,
                               count(*) filter (where done_at is null and failed_at is null) as waiting,
                               count(*) filter (where done_at is null and failed_at is null and run_at <= now()) as due,
                               coalesce(extract(epoch from now() - min(run_at) filter (where done_at is null and failed_at is null
                                                                                         and run_at <= now())), 0)::float8 as oldest,
                               count(*) filter (where failed_at is not null) as failed
                        from jobs where done_at is null group by type""")
                .map(row -> new TypeSample(row.get("type", String.class), row.get("waiting", Long.class), row.get("due", Long.class),
                        row.get("oldest", Double.class), row.get("failed", Long.class)))
                .all().collectList()
                .doOnNext(this::publish)
                .onErrorResume(ex -> {
                    log.debug("Could not sample the job queue: {}", ex.toString());
                    return Mono.empty();
                });
    }

    private void publish(List<TypeSample> samples) {
        waiting.register(samples.stream().map(sample -> MultiGauge.Row.of(sample.tags(), sample.waiting())).toList(), true);
        due.register(samples.stream().map(sample -> MultiGauge.Row.of(sample.tags(), sample.due())).toList(), true);
        oldestDueSeconds.register(samples.stream().map(sample -> MultiGauge.Row.of(sample.tags(), sample.oldestDueSeconds())).toList(), true);
        failed.register(samples.stream().map(sample -> MultiGauge.Row.of(sample.tags(), sample.failed())).toList(), true);
    }

    record TypeSample(String type, long waiting, long due, double oldestDueSeconds, long failed) {

        Tags tags() {
            return Tags.of("type", type);
        }
    }
}
