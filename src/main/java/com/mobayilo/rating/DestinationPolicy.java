package com.mobayilo.rating;

import java.time.Duration;
import java.time.Instant;

import com.mobayilo.shared.Money;

/**
 * The account limits every call is checked against: how much an account may spend in a day (less while it is
 * new, when stolen cards and fresh fraud accounts do their damage) and how many calls it may have at once.
 */
public record DestinationPolicy(Money dailyCap, Money newAccountDailyCap, int newAccountDays, int maxConcurrentCalls) {

    public DestinationPolicy {
        if (dailyCap.isNegative() || newAccountDailyCap.isNegative() || newAccountDays < 0 || maxConcurrentCalls < 1) {
            throw new InvalidPolicy();
        }
    }

    /** The daily cap for an account created at {@code createdAt}. */
    public Money dailyCapFor(Instant createdAt, Instant now) {
        return capFor(createdAt, now).amount();
    }

    /** The daily cap for an account created at {@code createdAt}, with whether it is the new-account one. */
    public DailyCap capFor(Instant createdAt, Instant now) {
        var isNew = Duration.between(createdAt, now).compareTo(Duration.ofDays(newAccountDays)) < 0;
        return new DailyCap(isNew ? newAccountDailyCap : dailyCap, isNew, newAccountDays);
    }
}
