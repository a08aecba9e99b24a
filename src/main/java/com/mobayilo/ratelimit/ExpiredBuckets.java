package com.mobayilo.ratelimit;

import java.time.Duration;

import com.mobayilo.jobs.ClusterTasks;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes buckets that have refilled and expired: once an interval across the cluster (docs/decisions/0033-replicas.md). */
@Component
class ExpiredBuckets {

    private final PostgresBuckets buckets;

    private final ClusterTasks tasks;

    private final Duration interval;

    ExpiredBuckets(DatabaseClient db, ClusterTasks tasks, @Value("${mobayilo.rate-limits.purge-interval:PT10M}") Duration interval) {
        this.buckets = new PostgresBuckets(db);
        this.tasks = tasks;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${mobayilo.rate-limits.purge-interval:PT10M}")
    Mono<Long> purge() {
        return tasks.runOnce("rate-limits.purge", interval, buckets::purgeExpired);
    }
}
