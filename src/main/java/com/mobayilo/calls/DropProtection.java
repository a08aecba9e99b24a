package com.mobayilo.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.database.UnitOfWork;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.TransactionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Drop protection (docs/decisions/0026-call-quality.md): a call the network dropped in its first seconds is credited
 * back, once, as a reversing ledger entry linked to the call, at most {@code dailyLimit} times in 24 hours per
 * caller. The server decides from the carrier's signed call summary and its own record of the call (answered, how
 * long, what it cost), never from the browser's word. The caller is serialised with the lock call starts use, and
 * the drop row and the credit commit together, so a retried summary changes nothing.
 */
@Service
public class DropProtection {

    /** Where the sandbox carrier (or a relay of Voice Insights' summaries) posts call summaries, signed like every Twilio webhook; live, they are asked for (LiveDropChecks). */
    public static final String CALL_SUMMARY_PATH = "/webhooks/twilio/call-summary";

    private static final Logger log = LoggerFactory.getLogger(DropProtection.class);

    private final CallRecords records;

    private final CallDrops drops;

    private final Ledger ledger;

    private final UnitOfWork unitOfWork;

    private final Clock clock;

    private final DropRule rule;

    DropProtection(CallRecords records, CallDrops drops, Ledger ledger, UnitOfWork unitOfWork, Clock clock,
            @Value("${mobayilo.calls.drop-protection.window:PT30S}") Duration window,
            @Value("${mobayilo.calls.drop-protection.daily-limit:3}") int dailyLimit) {
        this.records = records;
        this.drops = drops;
        this.ledger = ledger;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.rule = new DropRule(window, dailyLimit);
    }

    /** How a summary was taken. */
    public enum Outcome { CREDITED, REFUSED_DAILY_LIMIT, ALREADY_RECORDED, NOT_A_DROP, NOT_ENDED, UNKNOWN_CALL }

    public Mono<Outcome> report(CallSummary summary) {
        return unitOfWork.run(() -> records.lockBySid(summary.callSid())
                .flatMap(call -> judge(call, summary))
                .defaultIfEmpty(Outcome.UNKNOWN_CALL));
    }

    /**
     * Whether the call's own record leaves it a possible drop (answered, billed, within the window), before anyone
     * knows how it ended: only such calls are asked about at Voice Insights in live mode ({@link LiveDropChecks}).
     */
    public boolean couldBeADrop(Call call) {
        return rule.couldCover(call);
    }

    /** The drop recorded for a call, if any, for its billing explanation. */
    public Mono<CallDrop> of(UUID callId) {
        return drops.of(callId);
    }

    private Mono<Outcome> judge(Call call, CallSummary summary) {
        if (call.isLive()) {
            // Twilio's status callback has not settled it yet: the summary is refused, so that it comes again.
            return Mono.just(Outcome.NOT_ENDED);
        }
        if (!rule.covers(call, summary)) {
            return Mono.just(Outcome.NOT_A_DROP);
        }
        return records.lockCaller(call.caller())
                .then(drops.of(call.id()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(known -> known.isPresent() ? Mono.just(Outcome.ALREADY_RECORDED) : decide(call, summary));
    }

    private Mono<Outcome> decide(Call call, CallSummary summary) {
        var now = clock.instant();
        return drops.creditedSince(call.caller(), now.minus(Duration.ofDays(1)))
                .flatMap(credited -> credited >= rule.dailyLimit() ? refuse(call, summary) : credit(call, summary));
    }

    private Mono<Outcome> refuse(Call call, CallSummary summary) {
        log.info("Call {} dropped but its caller reached the daily limit of {} credit-backs", call.callSid(), rule.dailyLimit());
        return drops.record(call, summary.errorCode(), com.mobayilo.shared.Money.ZERO, clock.instant()).thenReturn(Outcome.REFUSED_DAILY_LIMIT);
    }

    private Mono<Outcome> credit(Call call, CallSummary summary) {
        var cost = call.bill().cost();
        var memo = Memo.of("memo.call.dropped", call.destination(), call.bill().durationSeconds());
        var entry = JournalEntry.of(TransactionKind.CALL_CREDIT, "CALL", call.callSid(), memo, "drop:" + call.id());
        return drops.record(call, summary.errorCode(), cost, clock.instant())
                .then(ledger.credit(call.wallet(), cost, entry))
                .thenReturn(Outcome.CREDITED);
    }
}
