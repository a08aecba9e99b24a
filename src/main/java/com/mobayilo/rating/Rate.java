package com.mobayilo.rating;

import java.time.LocalDate;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

/**
 * One row of the rate deck: calls to numbers starting with {@code prefix} (digits after the plus, so the
 * country code is part of it) cost {@code perMinute} for each started minute, from {@code effectiveFrom}.
 */
public record Rate(String prefix, CountryCode country, String description, Money perMinute, LocalDate effectiveFrom) {

    public static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);

    /** Whole minutes {@code available} buys at this rate, never negative. */
    public long minutesFor(Money available) {
        return available.isPositive() ? available.cents() / perMinute.cents() : 0;
    }
}
