package com.mobayilo.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.mobayilo.calls.CallSummaries.Answer;
import com.mobayilo.calls.CallSummaries.Known;
import com.mobayilo.calls.CallSummaries.NotYet;
import com.mobayilo.calls.CallSummaries.Unreachable;
import com.mobayilo.calls.CallSummaryChecks.Check;
import com.mobayilo.database.UnitOfWork;
import com.mobayilo.jobs.JobHandler;
import com.mobayilo.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drop protection in live mode (docs/decisions/0031-live-drop-protection.md). Twilio posts no call summary, so a live
 * call that could be a drop is queued when it settles, and the job queue asks Voice Insights about it: first after
 * {@code firstCheck}, then after twice as long each time, until the answer is known or {@code giveUpAfter} has passed.
 * The answer goes to {@link DropProtection}, the same rule as a posted summary. Each question is a job carrying its
 * number; the call's row is locked to record the answer, so a repeated job, or the same job on two instances, decides once.
 */
@Component
class LiveDropChecks implements JobHandler {

    static final String TYPE = "call.summary-check";

    private static final Logger log = LoggerFactory.getLogger(LiveDropChecks.class);

    private final CallSummaries summaries;

    private final CallSummaryChecks checks;

    private final DropProtection drops;

    private final Jobs jobs;

    private final UnitOfWork unitOfWork;

    private final Clock clock;

    private final Duration firstCheck;

    private final Duration giveUpAfter;

    LiveDropChecks(CallSummaries summaries, CallSummaryChecks checks, DropProtection drops, Jobs jobs, UnitOfWork unitOfWork, Clock clock,
            @Value("${mobayilo.calls.drop-protection.first-check:PT2M}") Duration firstCheck,
            @Value("${mobayilo.calls.drop-protection.give-up-after:PT2H}") Duration giveUpAfter) {
        this.summaries = summaries;
        this.checks = checks;
        this.drops = drops;
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.firstCheck = firstCheck;
        this.giveUpAfter = giveUpAfter;
    }

    /** In the settlement's transaction: a live call that could be a drop is queued, once; any other call is left alone. */
    Mono<Call> queueIfItCouldBeADrop(Call call) {
        if (!summaries.areAsked() || !drops.couldBeADrop(call)) {
            return Mono.just(call);
        }
        return checks.queue(call, clock.instant().plus(giveUpAfter))
                .flatMap(queued -> queued ? jobs.enqueue(TYPE, question(call.callSid(), 0), firstCheck) : Mono.empty())
                .thenReturn(call);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** One question; Twilio is asked outside any transaction, and the answer is taken only if nobody took one meanwhile. */
    @Override
    public Mono<Void> handle(JsonNode payload) {
        var callSid = payload.get("callSid").asString();
        var attempt = payload.get("attempt").asInt();
        return checks.pending(callSid, attempt, false)
                .flatMap(check -> summaries.ask(callSid))
                .flatMap(answer -> unitOfWork.run(() -> checks.pending(callSid, attempt, true).flatMap(check -> take(check, answer))));
    }

    private Mono<Void> take(Check check, Answer answer) {
        return switch (answer) {
            case Known known -> drops.report(known.summary()).flatMap(outcome -> decided(check, known.summary(), outcome));
            case NotYet notYet -> askLater(check, notYet.why(), false);
            case Unreachable unreachable -> askLater(check, unreachable.problem(), true);
        };
    }

    private Mono<Void> decided(Check check, CallSummary summary, DropProtection.Outcome outcome) {
        var answer = "disconnected by " + summary.disconnectedBy() + ", SDK error " + summary.errorCode();
        log.info("Voice Insights says call {} was {}: {}", check.callSid(), answer, outcome);
        return checks.decide(check, outcome.name(), answer, clock.instant());
    }

    /** Asks again after twice the last wait, and once more at the deadline; past it the call stays billed. */
    private Mono<Void> askLater(Check check, String answer, boolean problem) {
        var logged = check.problemLogged();
        if (problem && !logged) {
            log.warn("Voice Insights could not be asked about call {}: {}. Asking again until {}; this call's further problems are not logged",
                    check.callSid(), answer, check.deadline());
            logged = true;
        }
        var now = clock.instant();
        if (!now.isBefore(check.deadline())) {
            log.info("No Voice Insights summary of call {} by its deadline ({}): it is not credited back", check.callSid(), answer);
            return checks.decide(check, "NO_SUMMARY", answer, now);
        }
        var next = check.attempts() + 1;
        var wait = firstCheck.multipliedBy(1L << Math.min(next, 20));
        var untilDeadline = Duration.between(now, check.deadline());
        return checks.askedAgain(check, answer, logged)
                .then(jobs.enqueue(TYPE, question(check.callSid(), next), wait.compareTo(untilDeadline) < 0 ? wait : untilDeadline));
    }

    private static Map<String, Object> question(String callSid, int attempt) {
        return Map.of("callSid", callSid, "attempt", attempt);
    }
}
