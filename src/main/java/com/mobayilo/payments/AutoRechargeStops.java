package com.mobayilo.payments;

import java.util.Map;

import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import com.mobayilo.jobs.Jobs;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A refused auto-recharge charge: the top-up fails with the bank's reason, auto-recharge turns off, and the
 * person is told in the app (an event) and by email, all in the caller's transaction.
 */
@Component
class AutoRechargeStops {

    static final String MAIL_JOB = "autorecharge.failed";

    private final TopUps topUps;

    private final AutoRecharges settings;

    private final EventLog events;

    private final Jobs jobs;

    AutoRechargeStops(TopUps topUps, AutoRecharges settings, EventLog events, Jobs jobs) {
        this.topUps = topUps;
        this.settings = settings;
        this.events = events;
        this.jobs = jobs;
    }

    /** Once per refused charge: the provider's answer and its event may both report it. */
    Mono<Void> stop(TopUp topUp, String code) {
        return topUps.failedWith(topUp.id(), code)
                .filter(news -> news)
                .flatMap(news -> turnOff(topUp, code));
    }

    private Mono<Void> turnOff(TopUp topUp, String code) {
        return settings.turnedOff(topUp.wallet(), code)
                .then(events.append(Streams.user(topUp.payer().value()), AutoRechargeTurnedOff.TYPE, new AutoRechargeTurnedOff(code)))
                .then(jobs.enqueue(MAIL_JOB, Map.of("topUp", topUp.id().toString(), "code", code)));
    }
}
