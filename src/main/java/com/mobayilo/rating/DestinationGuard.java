package com.mobayilo.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;


import org.springframework.stereotype.Component;

/**
 * Decides whether a call may start, before any money moves (docs/decisions/0012-rating.md). In order: the caller
 * must have verified their email; premium-rate and shared-cost numbers, satellite and international networks,
 * and the operator's high-risk prefixes are refused; the number must have a rate; and the account must be
 * under its concurrent-call limit and its daily spending cap. Each refusal names its reason.
 */
@Component
public class DestinationGuard {

    /** Satellite and international networks, a classic route for toll fraud. */
    static final Set<Integer> INTERNATIONAL_NETWORKS = Set.of(870, 881, 882, 883);

    private final RateDeck deck;

    private final Policies policies;

    private final Clock clock;

    DestinationGuard(RateDeck deck, Policies policies, Clock clock) {
        this.deck = deck;
        this.policies = policies;
        this.clock = clock;
    }

    public Clearance check(CallAttempt attempt) {
        return decide(attempt, deck::rateFor, policies.current(), policies.blocked(), clock.instant());
    }

    /** The rules themselves, on plain values, so every decision can be tested without a database. */
    static Clearance decide(CallAttempt attempt, Function<PhoneNumber, Rate> rates, DestinationPolicy policy, List<BlockedPrefix> blocked, Instant now) {
        var number = attempt.number();
        if (!attempt.emailVerified()) {
            throw new DestinationBlocked(DestinationBlocked.Reason.EMAIL_NOT_VERIFIED);
        }
        refuseBlockedDestination(number, blocked);
        var rate = rates.apply(number);
        if (attempt.activeCalls() >= policy.maxConcurrentCalls()) {
            throw new DestinationBlocked(DestinationBlocked.Reason.TOO_MANY_CALLS, policy.maxConcurrentCalls());
        }
        var cap = policy.dailyCapFor(attempt.accountCreatedAt(), now);
        var spendable = cap.minus(attempt.spentToday());
        if (spendable.compareTo(rate.perMinute()) < 0) {
            throw new DestinationBlocked(DestinationBlocked.Reason.DAILY_CAP_REACHED, cap.cents());
        }
        return new Clearance(rate, spendable);
    }

    /** Today's spending cap of an account created at {@code accountCreatedAt}, as {@link #check} applies it. */
    public DailyCap dailyCapFor(Instant accountCreatedAt) {
        return policies.current().capFor(accountCreatedAt, clock.instant());
    }

    /** Only the destination rules, for showing a number's status before anyone dials it. */
    public void checkDestination(PhoneNumber number) {
        refuseBlockedDestination(number, policies.blocked());
    }

    private static void refuseBlockedDestination(PhoneNumber number, List<BlockedPrefix> blocked) {
        switch (number.type()) {
            case PREMIUM_RATE -> throw new DestinationBlocked(DestinationBlocked.Reason.PREMIUM_RATE);
            case SHARED_COST -> throw new DestinationBlocked(DestinationBlocked.Reason.SHARED_COST);
            default -> { }
        }
        if (INTERNATIONAL_NETWORKS.contains(number.callingCode())) {
            throw new DestinationBlocked(DestinationBlocked.Reason.INTERNATIONAL_NETWORK);
        }
        for (var prefix : blocked) {
            if (number.digits().startsWith(prefix.prefix())) {
                throw new DestinationBlocked(DestinationBlocked.Reason.HIGH_RISK_DESTINATION);
            }
        }
    }

}
