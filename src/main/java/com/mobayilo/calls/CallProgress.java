package com.mobayilo.calls;

import java.time.Clock;

import com.mobayilo.database.UnitOfWork;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Memo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Applies carrier reports to calls (docs/decisions/0013-calls.md). Each report is recorded once, in the same
 * transaction as its effect; the call row is locked while it is applied, status only moves forward, and the
 * first terminal status settles the call: capture the bill (never more than the hold), free the rest, and
 * announce {@code call.updated} and {@code balance.changed}. Duplicates and late reports change nothing.
 */
@Service
public class CallProgress {

    private static final Logger log = LoggerFactory.getLogger(CallProgress.class);

    private final CallRecords records;

    private final Ledger ledger;

    private final CallAnnouncements announcements;

    private final UnitOfWork unitOfWork;

    private final Clock clock;

    private final LiveDropChecks liveDrops;

    CallProgress(CallRecords records, Ledger ledger, CallAnnouncements announcements, UnitOfWork unitOfWork, Clock clock, LiveDropChecks liveDrops) {
        this.records = records;
        this.ledger = ledger;
        this.announcements = announcements;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.liveDrops = liveDrops;
    }

    /** The call after the report; empty when the report was a duplicate or names a call we never started. */
    public Mono<Call> report(StatusReport report) {
        return unitOfWork.run(() -> records.firstCallback(report.reportSid(), report.reportName())
                        .filter(first -> first)
                        .flatMap(first -> records.lockBySid(report.callSid())
                                .switchIfEmpty(Mono.error(() -> new UnknownCall(report.callSid()))))
                        .flatMap(call -> apply(call, report)))
                .onErrorResume(UnknownCall.class, unknown -> {
                    log.warn("A report for unknown call {} was ignored", report.callSid());
                    return Mono.empty();
                });
    }

    private Mono<Call> apply(Call call, StatusReport report) {
        var now = clock.instant();
        var next = report.status().isTerminal() ? call.end(report.status(), report.durationSeconds(), now) : call.progress(report.status(), now);
        if (next.equals(call)) {
            return Mono.just(call);
        }
        // The wallet's row is locked from the settlement to the commit, and a company's seats all share one wallet:
        // announce first, so that lock is held for the settlement alone (docs/benchmarks.md, companies).
        return records.update(next)
                .then(announcements.announce(next))
                .then(Mono.defer(() -> next.status().isTerminal() && next.hold() != null ? settle(next) : Mono.just(next)));
    }

    /**
     * Captures what the call cost from its hold and frees the rest, in this transaction; a live call that could be a
     * drop is queued to be asked about at Voice Insights in the same commit (docs/decisions/0031-live-drop-protection.md).
     */
    private Mono<Call> settle(Call call) {
        var bill = call.bill();
        var memo = Memo.of("memo.call", call.destination(), bill.billedMinutes(), call.rate().cents());
        return ledger.capture(call.hold(), bill.cost(), memo).then(liveDrops.queueIfItCouldBeADrop(call));
    }

    /** A report for a CallSid the voice webhook never saw. */
    static final class UnknownCall extends RuntimeException {

        UnknownCall(String callSid) {
            super("No call " + callSid, null, false, false);
        }
    }
}
