package com.mobayilo.retention;

import java.time.Duration;

import com.mobayilo.jobs.ClusterTasks;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges once an interval across the cluster (docs/decisions/0033-replicas.md): every replica wakes, the first to
 * claim the run purges. Each purge also skips rows another transaction holds, so a run that overlaps a slow one loses
 * nothing.
 */
@Component
class RetentionSchedule {

    private final Retention retention;

    private final ClusterTasks tasks;

    private final Duration interval;

    RetentionSchedule(Retention retention, ClusterTasks tasks, @Value("${mobayilo.retention.interval:PT10M}") Duration interval) {
        this.retention = retention;
        this.tasks = tasks;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${mobayilo.retention.interval:PT10M}", initialDelayString = "${mobayilo.retention.interval:PT10M}")
    Mono<Long> purge() {
        return tasks.runOnce("retention.purge", interval, retention::purge);
    }
}
