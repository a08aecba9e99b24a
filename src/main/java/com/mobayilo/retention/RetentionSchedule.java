package com.mobayilo.retention;

import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges on every instance for now: harmless, since each purge skips rows another holds. Kept to one line so it can
 * be made to run once per cluster without touching the purges.
 */
@Component
class RetentionSchedule {

    private final Retention retention;

    RetentionSchedule(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${mobayilo.retention.interval:PT10M}", initialDelayString = "${mobayilo.retention.interval:PT10M}")
    Mono<Long> purge() {
        return retention.purge();
    }
}
