package com.mobayilo.calls;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What a company seat sees of its own limits on the dialer: what it spent today and this month against its
 * caps, counted exactly as the voice webhook counts them. Empty for someone who is not a company member.
 */
@Component
public class SeatAllowance {

    private final CallerLimits limits;

    private final CallRecords records;

    private final Clock clock;

    SeatAllowance(CallerLimits limits, CallRecords records, Clock clock) {
        this.limits = limits;
        this.records = records;
        this.clock = clock;
    }

    public Mono<Allowance> of(User user) {
        if (user.company().isEmpty()) {
            return Mono.empty();
        }
        var today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        return Mono.zip(limits.limitsOf(user), records.activity(user.id(), today.atStartOfDay().toInstant(ZoneOffset.UTC),
                        today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                (seat, activity) -> new Allowance(seat, activity.spentToday(), activity.spentThisMonth()));
    }

    /** A seat's caps and what counts against them now. */
    public record Allowance(SeatLimits limits, Money spentToday, Money spentThisMonth) {

        /** The smaller of what is left today and this month; empty when the seat has no cap. */
        public Optional<Money> left() {
            return limits.left(spentToday, spentThisMonth);
        }

        public Optional<Money> leftToday() {
            return limits.dailyCap().map(cap -> cap.minus(spentToday)).map(left -> left.isNegative() ? Money.ZERO : left);
        }

        public Optional<Money> leftThisMonth() {
            return limits.monthlyCap().map(cap -> cap.minus(spentThisMonth)).map(left -> left.isNegative() ? Money.ZERO : left);
        }
    }
}
