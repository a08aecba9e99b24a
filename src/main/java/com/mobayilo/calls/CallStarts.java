package com.mobayilo.calls;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import com.mobayilo.database.UnitOfWork;
import com.mobayilo.rating.CallAttempt;
import com.mobayilo.rating.Clearance;
import com.mobayilo.rating.DestinationGuard;
import com.mobayilo.rating.InvalidNumber;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Memo;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The voice webhook's decision (docs/decisions/0013-calls.md): who calls, which number, may they, and for how
 * long. A cleared call gets its record, its hold and its {@code call.updated} event in one transaction; a
 * refused one gets a record with its reason and an event, and costs nothing.
 */
@Service
public class CallStarts {

    private final Callers callers;

    private final CallRecords records;

    private final DestinationGuard guard;

    private final Ledger ledger;

    private final CallAnnouncements announcements;

    private final UnitOfWork unitOfWork;

    private final CallSettings settings;

    private final CallerIdDefault defaultCallerId;

    private final Clock clock;

    CallStarts(Callers callers, CallRecords records, DestinationGuard guard, Ledger ledger, CallAnnouncements announcements, UnitOfWork unitOfWork,
            CallSettings settings, CallerIdDefault defaultCallerId, Clock clock) {
        this.callers = callers;
        this.records = records;
        this.guard = guard;
        this.ledger = ledger;
        this.announcements = announcements;
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        this.defaultCallerId = defaultCallerId;
        this.clock = clock;
    }

    /**
     * Seven round trips to PostgreSQL for a new call (docs/benchmarks.md, P1): who calls; then, in one
     * transaction, the caller's lock, what the start decides on, the hold and the call with its event.
     */
    public Mono<VoiceAnswer> answer(VoiceRequest request) {
        return request.identity().map(callers::byIdentity).orElseGet(Mono::empty)
                .flatMap(caller -> start(request, caller))
                .defaultIfEmpty(new VoiceAnswer.Refuse(Refusal.UNKNOWN_CALLER, Locale.ENGLISH));
    }

    /** Twilio asked about this CallSid before: answer the same again, holding nothing more. */
    private Mono<VoiceAnswer> alreadyAnswered(VoiceRequest request, Caller caller) {
        return records.findBySid(request.callSid()).map(call -> answerFor(call, caller));
    }

    private VoiceAnswer answerFor(Call call, Caller caller) {
        return call.status() == CallStatus.REFUSED ? new VoiceAnswer.Refuse(call.refusal(), caller.user().locale())
                : new VoiceAnswer.Connect(call, callerIdOf(caller));
    }

    private Mono<VoiceAnswer> start(VoiceRequest request, Caller caller) {
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(request.to(), caller.user().homeCountry());
        }
        catch (InvalidNumber invalid) {
            return refuse(request, caller, null, Refusal.INVALID_NUMBER);
        }
        return unitOfWork.run(() -> clearAndHold(request, caller, number))
                .onErrorResume(error -> Refusal.of(error).isPresent(), error -> refuse(request, caller, number, Refusal.of(error).orElseThrow()))
                .onErrorResume(DuplicateKeyException.class, raced -> alreadyAnswered(request, caller));
    }

    /** Under the caller's lock, so that two calls cannot both pass the limits: a retry is answered as before. */
    private Mono<VoiceAnswer> clearAndHold(VoiceRequest request, Caller caller, PhoneNumber number) {
        var user = caller.user();
        var now = clock.instant();
        return records.lockCaller(user.id())
                .then(records.startState(request.callSid(), user.id(), startOfDay(now), startOfMonth(now)))
                .flatMap(state -> state.answeredBefore() ? alreadyAnswered(request, caller) : connect(request, caller, number, state, now));
    }

    private Mono<VoiceAnswer> connect(VoiceRequest request, Caller caller, PhoneNumber number, CallRecords.StartState state, Instant now) {
        var user = caller.user();
        var activity = state.activity();
        caller.seat().ifPresent(seat -> seat.admit(number.countryCode(), activity.liveCalls()));
        var clearance = guard.check(new CallAttempt(number, user.isEmailVerified(), user.createdAt(), activity.liveCalls(), activity.spentToday()));
        var rate = clearance.rate();
        var seatAllows = caller.seat().map(seat -> seat.spendable(activity.spentToday(), activity.spentThisMonth(), rate.perMinute()))
                .orElse(SeatLimits.UNLIMITED);
        return ledger.holdUpTo(caller.wallet(), rate.perMinute(), minutesAllowed(clearance, seatAllows), Memo.of("memo.hold.call", number.international()),
                        request.callSid(), settings.holdLifetime(), "call:" + request.callSid())
                .map(hold -> Call.connecting(request.callSid(), user.id(), caller.wallet(), number, rate, (int) rate.minutesFor(hold.amount()), hold.id(),
                        callerIdOf(caller), now).madeFor(user.companyId()))
                .flatMap(announcements::record)
                .map(call -> new VoiceAnswer.Connect(call, call.callerNumber()));
    }

    /**
     * The most the call may last: the fewest of what today's cap allows, what the seat's caps allow and the longest
     * call. What the credit buys is the hold's business, against the wallet's row (a shared wallet changes under us).
     */
    private long minutesAllowed(Clearance clearance, Money seatAllows) {
        var seatMinutes = clearance.rate().minutesFor(seatAllows);
        return Math.min(Math.min(clearance.minutesAllowedToday(), seatMinutes), settings.maxMinutes());
    }

    private Mono<VoiceAnswer> refuse(VoiceRequest request, Caller caller, PhoneNumber number, Refusal refusal) {
        var call = Call.refused(request.callSid(), caller.user().id(), abbreviated(request.to()), number, refusal, clock.instant())
                .madeFor(caller.user().companyId());
        return unitOfWork.run(() -> announcements.record(call))
                .thenReturn((VoiceAnswer) new VoiceAnswer.Refuse(refusal, caller.user().locale()))
                .onErrorResume(DuplicateKeyException.class, raced -> alreadyAnswered(request, caller));
    }

    private String callerIdOf(Caller caller) {
        return caller.callerNumber().orElseGet(defaultCallerId::number);
    }

    private static Instant startOfDay(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant startOfMonth(Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String abbreviated(String raw) {
        var text = raw == null ? "" : raw.strip();
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
