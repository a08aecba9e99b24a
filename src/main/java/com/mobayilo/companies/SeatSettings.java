package com.mobayilo.companies;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

/**
 * The limits an admin gives a seat: caps in cents (none when empty), the countries it may call (all when empty),
 * how many calls at once, and the caller ID its calls show (one of the company's verified numbers, or none).
 */
public record SeatSettings(Optional<Money> dailyCap, Optional<Money> monthlyCap, Set<CountryCode> countries, int maxConcurrentCalls,
        Optional<String> callerId) {

    /** The largest cap an admin can type: $10,000. */
    static final Money LARGEST_CAP = Money.cents(1_000_000);

    static final int MOST_CONCURRENT_CALLS = 10;

    public static final SeatSettings UNCAPPED = new SeatSettings(Optional.empty(), Optional.empty(), Set.of(), 1, Optional.empty());

    public SeatSettings {
        dailyCap.ifPresent(cap -> checkCap("dailyCap", cap));
        monthlyCap.ifPresent(cap -> checkCap("monthlyCap", cap));
        if (dailyCap.isPresent() && monthlyCap.isPresent() && dailyCap.get().compareTo(monthlyCap.get()) > 0) {
            throw new CompanyRefusal.InvalidSeatLimit("dailyCap", "company.seat.dailyAboveMonthly");
        }
        if (maxConcurrentCalls < 1 || maxConcurrentCalls > MOST_CONCURRENT_CALLS) {
            throw new CompanyRefusal.InvalidSeatLimit("maxConcurrentCalls", "company.seat.concurrent.invalid", MOST_CONCURRENT_CALLS);
        }
        countries = Set.copyOf(countries);
    }

    /** Settings from what an admin typed: caps in dollars (blank for none), ISO country codes. */
    public static SeatSettings of(Double dailyDollars, Double monthlyDollars, Set<String> countryCodes, int maxConcurrentCalls, String callerId) {
        var countries = new TreeSet<CountryCode>(java.util.Comparator.comparing(CountryCode::value));
        for (var code : countryCodes) {
            if (!CountryCode.isKnown(code)) {
                throw new CompanyRefusal.InvalidSeatLimit("countries", "company.seat.countries.invalid");
            }
            countries.add(CountryCode.of(code));
        }
        return new SeatSettings(cents("dailyCap", dailyDollars), cents("monthlyCap", monthlyDollars), countries, maxConcurrentCalls,
                Optional.ofNullable(callerId).filter(number -> !number.isBlank()));
    }

    private static Optional<Money> cents(String field, Double dollars) {
        if (dollars == null) {
            return Optional.empty();
        }
        if (dollars.isNaN() || dollars.isInfinite() || dollars <= 0 || dollars * 100 > LARGEST_CAP.cents()) {
            throw new CompanyRefusal.InvalidSeatLimit(field, "company.seat.cap.invalid", LARGEST_CAP.cents() / 100);
        }
        return Optional.of(Money.cents(Math.round(dollars * 100)));
    }

    private static void checkCap(String field, Money cap) {
        if (cap.cents() <= 0 || cap.compareTo(LARGEST_CAP) > 0) {
            throw new CompanyRefusal.InvalidSeatLimit(field, "company.seat.cap.invalid", LARGEST_CAP.cents() / 100);
        }
    }
}
