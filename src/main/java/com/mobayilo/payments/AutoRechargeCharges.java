package com.mobayilo.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import com.mobayilo.accounts.Users;
import com.mobayilo.jobs.ClusterTasks;
import com.mobayilo.jobs.JobHandler;
import com.mobayilo.jobs.Jobs;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.WalletId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Charges saved cards for wallets below their auto-recharge threshold. The charge is recorded as a top-up first,
 * in the same transaction that checks the threshold and the month's ceiling under the settings' lock, so two
 * instances never charge twice; the provider is then asked with the top-up's idempotency key, and only its
 * confirmation (the webhook) credits the wallet. A refused charge turns auto-recharge off and tells the person.
 */
@Component
class AutoRechargeCharges implements JobHandler {

    static final String TYPE = "autorecharge.charge";

    private static final Logger log = LoggerFactory.getLogger(AutoRechargeCharges.class);

    private final AutoRecharges settings;

    private final TopUps topUps;

    private final Checkouts checkouts;

    private final Ledger ledger;

    private final Jobs jobs;

    private final AutoRechargeStops stops;

    private final Users users;

    private final TransactionalOperator transaction;

    private final Clock clock;

    private final ClusterTasks tasks;

    private final Duration scanInterval;

    AutoRechargeCharges(AutoRecharges settings, TopUps topUps, Checkouts checkouts, Ledger ledger, Jobs jobs, AutoRechargeStops stops,
            Users users, TransactionalOperator transaction, Clock clock, ClusterTasks tasks,
            @Value("${mobayilo.payments.auto-recharge-scan:PT30S}") Duration scanInterval) {
        this.tasks = tasks;
        this.scanInterval = scanInterval;
        this.users = users;
        this.settings = settings;
        this.topUps = topUps;
        this.checkouts = checkouts;
        this.ledger = ledger;
        this.jobs = jobs;
        this.stops = stops;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Queues one charge per wallet that is due, once an interval across the cluster (decision 0033); the charge
     * itself checks again, so a repeat is harmless, but one scan queues one job per wallet, not one per replica.
     */
    @Scheduled(fixedDelayString = "${mobayilo.payments.auto-recharge-scan:PT30S}")
    Mono<Long> queueDueWallets() {
        return tasks.runOnce("payments.auto-recharge-scan", scanInterval, this::queueDue);
    }

    private Mono<Long> queueDue() {
        return settings.due()
                .concatMap(wallet -> jobs.enqueue(TYPE, Map.of("wallet", wallet.value().toString())).thenReturn(wallet))
                .count()
                .onErrorResume(ex -> {
                    log.warn("Could not look for wallets due an auto-recharge: {}", ex.toString());
                    return Mono.just(0L);
                });
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Mono<Void> handle(JsonNode payload) {
        var wallet = new WalletId(java.util.UUID.fromString(payload.get("wallet").asString()));
        return chargeToMake(wallet)
                .flatMap(charge -> checkouts.chargeSaved(charge.topUp(), charge.card())
                        .flatMap(paymentIntent -> topUps.processing(charge.topUp().id(), paymentIntent))
                        .onErrorResume(CardRefused.class, refused -> turnOff(charge, refused)));
    }

    /** The charge under way for this wallet, or a new one when it is due and within the ceiling. */
    private Mono<Charge> chargeToMake(WalletId wallet) {
        return settings.lock(wallet)
                .flatMap(recharge -> topUps.autoRechargeUnderWay(wallet)
                        .map(underWay -> new Charge(recharge, underWay, recharge.card().orElseThrow()))
                        .switchIfEmpty(Mono.defer(() -> newCharge(recharge))))
                .as(transaction::transactional);
    }

    private Mono<Charge> newCharge(AutoRecharge recharge) {
        var monthStart = YearMonth.now(clock.withZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ledger.balance(recharge.wallet())
                .filter(balance -> recharge.isDue(balance.available()))
                .flatMap(due -> settings.chargedSince(recharge.wallet(), monthStart))
                .flatMap(charged -> Mono.justOrEmpty(recharge.chargeWithin(charged)))
                .zipWith(users.findById(recharge.payer()), (amount, payer) -> TopUp.autoRecharge(recharge.wallet(), recharge.payer(), amount,
                        payer.locale(), clock.instant()))
                .flatMap(topUps::insert)
                .map(topUp -> new Charge(recharge, topUp, recharge.card().orElseThrow()));
    }

    private Mono<Void> turnOff(Charge charge, CardRefused refused) {
        return stops.stop(charge.topUp(), refused.code()).as(transaction::transactional);
    }

    private record Charge(AutoRecharge recharge, TopUp topUp, SavedCard card) {
    }
}
