package com.mobayilo.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Periodic work that must run once per cluster however many replicas wake up for it
 * (docs/decisions/0033-replicas.md). Each replica's {@code @Scheduled} method asks {@link #runOnce}; the first to
 * find the task due in {@code cluster_tasks} moves its next run a period on in the same statement and runs the
 * work, the others find it not due and do nothing. Times are the database's, so replicas' clocks do not matter.
 */
@Component
public class ClusterTasks {

    private static final Logger log = LoggerFactory.getLogger(ClusterTasks.class);

    private final DatabaseClient db;

    private final MeterRegistry meters;

    private final String replica;

    ClusterTasks(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.meters = meters;
        this.replica = replicaName();
    }

    /**
     * Runs {@code work} if this replica is the one to run this period of {@code task}: its result, or empty when
     * another replica has run it less than {@code period} ago. A failed run is not retried before the next period.
     */
    public <T> Mono<T> runOnce(String task, Duration period, Supplier<Mono<T>> work) {
        return claim(task, period)
                .flatMap(run -> {
                    log.debug("Running {} (run {} of the cluster) on replica {}", task, run, replica);
                    runs(task).increment();
                    return work.get();
                });
    }

    /** This replica's name in {@code cluster_tasks.ran_by} and in logs: its host name, as Kubernetes sets it for a pod. */
    public String replica() {
        return replica;
    }

    private Mono<Long> claim(String task, Duration period) {
        return db.sql("""
                        insert into cluster_tasks (name, next_run_at, ran_by, ran_at) values (:name, now() + make_interval(secs => :period), :replica, now())
                        on conflict (name) do update set next_run_at = excluded.next_run_at, ran_by = excluded.ran_by, ran_at = excluded.ran_at,
                                                          runs = cluster_tasks.runs + 1
                        where cluster_tasks.next_run_at <= now()
                        returning runs""")
                .bind("name", task)
                .bind("period", period.toMillis() / 1000.0)
                .bind("replica", replica)
                .map(row -> row.get("runs", Long.class))
                .one()
                .onErrorResume(ex -> {
                    // the period is not lost: the row did not move, so the next replica to wake runs it
                    log.warn("Could not tell whether {} is due: {}", task, ex.toString());
                    return Mono.empty();
                });
    }

    private Counter runs(String task) {
        return Counter.builder("mobayilo.cluster.tasks.runs").description("Periods of a cluster-wide task this replica ran")
                .tag("task", task).register(meters);
    }

    private static String replicaName() {
        var host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        }
        catch (UnknownHostException ex) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
