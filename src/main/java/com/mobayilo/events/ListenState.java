package com.mobayilo.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance hears other instances' events through LISTEN, or only by polling the log. Each change is logged
 * once (not at every failed reconnection) and measured: the gauge {@code mobayilo.events.listen.up} (1 or 0) and the
 * counter {@code mobayilo.events.listen.fallbacks} of times delivery fell back to polling
 * (docs/decisions/0035-behaviour-under-database-faults.md).
 */
final class ListenState {

    private static final Logger log = LoggerFactory.getLogger(ListenState.class);

    private final AtomicInteger up = new AtomicInteger();

    private final Counter fallbacks;

    private final Duration pollInterval;

    private volatile boolean everUp;

    ListenState(MeterRegistry meters, Duration pollInterval) {
        meters.gauge("mobayilo.events.listen.up", up);
        this.fallbacks = Counter.builder("mobayilo.events.listen.fallbacks").description("Times the LISTEN connection was lost and delivery fell back to polling")
                .register(meters);
        this.pollInterval = pollInterval;
    }

    void listening() {
        if (up.getAndSet(1) == 0) {
            if (everUp) {
                log.info("Listening for other instances' events again: their events arrive at once");
            }
            everUp = true;
        }
    }

    void lost(Throwable why) {
        if (up.getAndSet(0) == 1) {
            fallbacks.increment();
            log.warn("Lost the LISTEN connection ({}): other instances' events now arrive by polling every {} until it is back", why, pollInterval);
        }
        else {
            log.debug("Could not listen for events yet: {}", why.toString());
        }
    }

    boolean isUp() {
        return up.get() == 1;
    }
}
