package com.mobayilo.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mobayilo.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL job queue: runs jobs once, retries failures with backoff, and never hands a job to two workers. */
class JobQueueIntegrationTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    private DatabaseClient db;

    private Jobs jobs;

    @BeforeEach
    void freshQueue() {
        db = TestDatabase.fresh().migratedClient();
        jobs = new Jobs(db, json);
    }

    @Test
    void anEnqueuedJobRunsOnceAndIsMarkedDone() {
        jobs.enqueue("count", Map.of("key", "a")).block();
        var worker = worker(new Counting());
        assertThat(worker.runDueJobs().block()).isEqualTo(1);
        assertThat(worker.runDueJobs().block()).isZero();
        assertThat(runs.get("a")).hasValue(1);
        assertThat(scalar("select count(*) from jobs where done_at is not null")).isEqualTo(1);
    }

    @Test
    void aPeriodicJobIsNotQueuedAgainWhileOneIsWaitingOrRetryingButIsOnceItIsDone() {
        assertThat(jobs.enqueueUnlessWaiting("fail", Map.of()).block()).isTrue();
        assertThat(jobs.enqueueUnlessWaiting("fail", Map.of()).block()).isFalse();
        worker(new Failing()).runDueJobs().block();
        assertThat(jobs.enqueueUnlessWaiting("fail", Map.of()).block()).as("being retried").isFalse();
        assertThat(jobs.enqueueUnlessWaiting("count", Map.of("key", "other")).block()).as("another type").isTrue();
        db.sql("update jobs set done_at = now() where type = 'fail'").then().block();
        assertThat(jobs.enqueueUnlessWaiting("fail", Map.of()).block()).isTrue();
        assertThat(scalar("select count(*) from jobs where type = 'fail'")).isEqualTo(2);
    }

    @Test
    void manyInstancesEnqueuingTheSamePeriodicJobAtOnceQueueItOnce() {
        var rounds = 20;
        for (var round = 0; round < rounds; round++) {
            var enqueued = Flux.range(0, 16).flatMap(i -> jobs.enqueueUnlessWaiting("reconcile", Map.of("by", i)), 16)
                    .filter(Boolean::booleanValue).count().block();
            assertThat(enqueued).as("round %d", round).isEqualTo(1);
            db.sql("update jobs set done_at = now() where type = 'reconcile' and done_at is null").then().block();
        }
        assertThat(scalar("select count(*) from jobs where type = 'reconcile'")).isEqualTo(rounds);
    }

    @Test
    void ordinaryJobsOfAPeriodicTypeDoNotBlockItNorAreBlockedByIt() {
        jobs.enqueue("fail", Map.of()).block();
        assertThat(jobs.enqueueUnlessWaiting("fail", Map.of()).block()).isTrue();
        jobs.enqueue("fail", Map.of()).block();
        assertThat(scalar("select count(*) from jobs where type = 'fail' and done_at is null")).isEqualTo(3);
    }

    @Test
    void aDelayedJobWaitsUntilItsTime() {
        jobs.enqueue("count", Map.of("key", "later"), Duration.ofMinutes(5)).block();
        assertThat(worker(new Counting()).runDueJobs().block()).isZero();
    }

    @Test
    void aFailingJobIsRetriedLaterWithItsErrorRecorded() {
        jobs.enqueue("fail", Map.of()).block();
        var worker = worker(new Failing());
        worker.runDueJobs().block();
        var state = db.sql("select attempts, last_error, run_at > now() + interval '5 seconds' as later, done_at from jobs")
                .map(row -> List.of(row.get("attempts", Integer.class), row.get("last_error", String.class), row.get("later", Boolean.class)))
                .one().block();
        assertThat(state).containsExactly(1, "java.lang.IllegalStateException: SMTP is down", true);
        assertThat(worker.runDueJobs().block()).as("not due yet").isZero();
    }

    @Test
    void aJobThatKeepsFailingIsGivenUpAfterItsLastAttempt() {
        jobs.enqueue("fail", Map.of()).block();
        db.sql("update jobs set attempts = max_attempts - 1").then().block();
        worker(new Failing()).runDueJobs().block();
        assertThat(scalar("select count(*) from jobs where failed_at is not null")).isEqualTo(1);
    }

    @Test
    void twoWorkersDrainingTheSameQueueRunEachJobExactlyOnce() {
        Flux.range(0, 200).concatMap(i -> jobs.enqueue("count", Map.of("key", "job-" + i))).blockLast();
        var first = worker(new Counting());
        var second = worker(new Counting());
        Flux.range(0, 40).flatMap(round -> Mono.zip(first.runDueJobs(), second.runDueJobs())).blockLast();
        assertThat(runs).hasSize(200);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(scalar("select count(*) from jobs where done_at is null")).isZero();
    }

    private JobWorker worker(JobHandler handler) {
        return new JobWorker(db, json, List.of(handler), new SimpleMeterRegistry(), Duration.ofSeconds(1), 10);
    }

    private long scalar(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private final class Counting implements JobHandler {

        @Override
        public String type() {
            return "count";
        }

        @Override
        public Mono<Void> handle(JsonNode payload) {
            return Mono.fromRunnable(() -> runs.computeIfAbsent(payload.get("key").asString(), key -> new AtomicInteger()).incrementAndGet());
        }
    }

    private static final class Failing implements JobHandler {

        @Override
        public String type() {
            return "fail";
        }

        @Override
        public Mono<Void> handle(JsonNode payload) {
            return Mono.error(new IllegalStateException("SMTP is down"));
        }
    }
}
