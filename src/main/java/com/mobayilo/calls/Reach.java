package com.mobayilo.calls;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

import com.mobayilo.accounts.User;
import com.mobayilo.calls.CallableMinutes.Limit;
import com.mobayilo.rating.CallerReach;
import com.mobayilo.rating.DestinationGuard;
import com.mobayilo.rating.Rate;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What a caller can really call now at a rate: the fewest of the minutes their available credit buys, the
 * account's daily cap allows, their seat's caps allow and the longest call. The same limits, counted the same way,
 * as the voice webhook's hold ({@link CallStarts}), so the dialer's promise and the call's time limit agree.
 */
@Component
public class Reach implements CallerReach {

    private final DestinationGuard guard;

    private final CallerLimits limits;

    private final CallRecords records;

    private final CallSettings settings;

    private final Clock clock;

    Reach(DestinationGuard guard, CallerLimits limits, CallRecords records, CallSettings settings, Clock clock) {
        this.guard = guard;
        this.limits = limits;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** The minutes {@code caller} can call at {@code rate} with {@code available} credit, and what limits them. */
    public Mono<CallableMinutes> of(User caller, Money available, Rate rate) {
        var today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        var dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        var monthStart = today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var seat = caller.company().isEmpty() ? Mono.just(Optional.<SeatLimits>empty()) : limits.limitsOf(caller).map(Optional::of);
        return Mono.zip(records.activity(caller.id(), dayStart, monthStart), seat)
                .map(both -> minutes(caller, available, rate, both.getT1(), both.getT2()));
    }

    @Override
    public Mono<Long> minutes(User caller, Money available, Rate rate) {
        return of(caller, available, rate).map(CallableMinutes::minutes);
    }

    private CallableMinutes minutes(User caller, Money available, Rate rate, CallRecords.CallerActivity activity, Optional<SeatLimits> seat) {
        var cap = guard.dailyCapFor(caller.createdAt());
        var limits = Stream.of(
                Optional.of(new CallableMinutes(rate.minutesFor(cap.amount().minus(activity.spentToday())),
                        cap.forNewAccount() ? Limit.NEW_ACCOUNT_DAILY_CAP : Limit.DAILY_CAP, cap.amount(), cap.newAccountDays())),
                seat.flatMap(SeatLimits::dailyCap).map(limit -> new CallableMinutes(rate.minutesFor(limit.minus(activity.spentToday())),
                        Limit.SEAT_DAILY_CAP, limit, 0)),
                seat.flatMap(SeatLimits::monthlyCap).map(limit -> new CallableMinutes(rate.minutesFor(limit.minus(activity.spentThisMonth())),
                        Limit.SEAT_MONTHLY_CAP, limit, 0)),
                Optional.of(new CallableMinutes(settings.maxMinutes(), Limit.LONGEST_CALL, Money.ZERO, 0)));
        return limits.flatMap(Optional::stream).reduce(CallableMinutes.byCredit(rate.minutesFor(available)), CallableMinutes::orFewer);
    }
}
