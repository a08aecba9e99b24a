package com.mobayilo.wallet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Returns the credit of holds whose time ran out. Any instance may run it; each hold ends once. */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final Ledger ledger;

    HoldExpiry(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${mobayilo.holds.expiry-interval:PT30S}")
    Mono<Long> expire() {
        return ledger.expireHolds()
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
