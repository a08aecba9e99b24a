package com.mobayilo.payments.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.mobayilo.jobs.ClusterTasks;
import com.mobayilo.jobs.JobHandler;
import com.mobayilo.jobs.Jobs;
import com.mobayilo.payments.PaymentNotYetKnown;
import com.mobayilo.payments.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stripe can fail to deliver a webhook (an outage here, a network fault) and gives up after three days. So every
 * interval a job lists Stripe's recent events of the handled types and applies each one, oldest first, through
 * the same {@link Payments#apply} as the webhook: events already applied are recognised by their id and change
 * nothing, so only the missed ones book anything. Only when Stripe's API is used; the sandbox delivers every
 * event in-process (docs/decisions/0015-payments.md).
 */
@Component
class StripeReconciliation implements JobHandler {

    static final String TYPE = "topup.reconcile";

    private static final Logger log = LoggerFactory.getLogger(StripeReconciliation.class);

    private final StripeAccount account;

    private final StripeEventLog events;

    private final Payments payments;

    private final Jobs jobs;

    private final Clock clock;

    private final Duration window;

    private final ClusterTasks tasks;

    private final Duration interval;

    StripeReconciliation(StripeAccount account, Payments payments, Jobs jobs, Clock clock,
            @Value("${mobayilo.payments.reconcile-window:P3D}") Duration window, ClusterTasks tasks,
            @Value("${mobayilo.payments.reconcile-interval:PT10M}") Duration interval) {
        this.tasks = tasks;
        this.interval = interval;
        this.account = account;
        this.events = new StripeEventLog(account.client());
        this.payments = payments;
        this.jobs = jobs;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Queues one reconciliation once an interval across the cluster (decision 0033), unless one is still waiting.
     * The sandbox claims its periods too, and does nothing in them, so every replica sees one schedule. True when queued.
     */
    @Scheduled(fixedDelayString = "${mobayilo.payments.reconcile-interval:PT10M}")
    Mono<Boolean> queue() {
        return tasks.runOnce("payments.stripe-reconciliation", interval, this::queueUnlessWaiting).defaultIfEmpty(false);
    }

    private Mono<Boolean> queueUnlessWaiting() {
        if (!account.usesApi()) {
            return Mono.just(false);
        }
        return jobs.enqueueUnlessWaiting(TYPE, Map.of())
                .onErrorResume(ex -> {
                    log.warn("Could not queue the Stripe reconciliation: {}", ex.toString());
                    return Mono.just(false);
                });
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Fails (and is retried by the queue) when Stripe cannot be asked; an event that cannot be applied yet waits for the next run. */
    @Override
    public Mono<Void> handle(JsonNode payload) {
        var since = clock.instant().minus(window);
        return events.since(since)
                .concatMap(this::apply)
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(applied -> report(applied, since))
                .then();
    }

    private Mono<Boolean> apply(JsonNode event) {
        return Mono.fromCallable(() -> StripeEvents.parse(event))
                .flatMap(payments::apply)
                .onErrorResume(PaymentNotYetKnown.class, early -> {
                    log.debug("Stripe event {} is about a payment not known here yet: left for the next run", event.path("id").asString());
                    return Mono.just(false);
                })
                .onErrorResume(MalformedEvent.class, malformed -> {
                    log.warn("Stripe listed event {}, which cannot be read: {}", event.path("id").asString(), malformed.toString());
                    return Mono.just(false);
                });
    }

    private static void report(long applied, Instant since) {
        if (applied > 0) {
            log.warn("Applied {} Stripe events created since {} whose webhook never arrived", applied, since);
        }
    }
}
