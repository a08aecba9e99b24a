package com.mobayilo.wallet;

import java.time.Duration;

import com.mobayilo.jobs.ClusterTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Returns the credit of holds whose time ran out: once an interval across the cluster (decision 0033); each hold ends once. */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final Ledger ledger;

    private final ClusterTasks tasks;

    private final Duration interval;

    HoldExpiry(Ledger ledger, ClusterTasks tasks, @Value("${mobayilo.holds.expiry-interval:PT30S}") Duration interval) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${mobayilo.holds.expiry-interval:PT30S}")
    Mono<Long> expire() {
        return tasks.runOnce("holds.expiry", interval, ledger::expireHolds)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Expired {} holds", count);
                    }
                })
                .onErrorResume(ex -> {
                    log.warn("Could not expire holds: {}", ex.toString());
                    return Mono.just(0L);
                });
    }
}
