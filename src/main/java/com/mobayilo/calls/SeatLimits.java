package com.mobayilo.calls;

import java.util.Optional;
import java.util.Set;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

/**
 * What a company seat may spend, set by the company's admins, on top of the company wallet and the platform's
 * policy. A missing cap means the seat has none of its own; an empty country list means every country the
 * platform allows. Days and months are UTC.
 */
public record SeatLimits(boolean active, Optional<Money> dailyCap, Optional<Money> monthlyCap, Set<CountryCode> countries,
        int maxConcurrentCalls, Optional<String> assignedCallerId) {

    public SeatLimits {
        countries = Set.copyOf(countries);
    }

    /**
     * Whether the seat may call {@code country} now, checked before the platform's own rules so a seat hears
     * the reason its admin set rather than a general one.
     */
    public void admit(Optional<CountryCode> country, int liveCalls) {
        if (!active) {
            throw new Refusal.CallRefused(Refusal.SEAT_DISABLED);
        }
        if (!countries.isEmpty() && country.filter(countries::contains).isEmpty()) {
            throw new Refusal.CallRefused(Refusal.COUNTRY_NOT_ALLOWED);
        }
        if (liveCalls >= maxConcurrentCalls) {
            throw new Refusal.CallRefused(Refusal.SEAT_TOO_MANY_CALLS);
        }
    }

    /** What the seat may still spend on a call at {@code rate}, or the cap that stops it. */
    public Money spendable(Money spentToday, Money spentThisMonth, Money rate) {
        var leftToday = dailyCap.map(cap -> cap.minus(spentToday));
        if (leftToday.isPresent() && leftToday.get().compareTo(rate) < 0) {
            throw new Refusal.CallRefused(Refusal.SEAT_DAILY_CAP_REACHED);
        }
        var leftThisMonth = monthlyCap.map(cap -> cap.minus(spentThisMonth));
        if (leftThisMonth.isPresent() && leftThisMonth.get().compareTo(rate) < 0) {
            throw new Refusal.CallRefused(Refusal.SEAT_MONTHLY_CAP_REACHED);
        }
        return smaller(leftToday, leftThisMonth).orElse(UNLIMITED);
    }

    /** What is left of the caps after {@code spentToday} and {@code spentThisMonth}; empty when uncapped. */
    public Optional<Money> left(Money spentToday, Money spentThisMonth) {
        return smaller(dailyCap.map(cap -> max0(cap.minus(spentToday))), monthlyCap.map(cap -> max0(cap.minus(spentThisMonth))));
    }

    static final Money UNLIMITED = Money.cents(Long.MAX_VALUE / 4);

    private static Money max0(Money money) {
        return money.isNegative() ? Money.ZERO : money;
    }

    private static Optional<Money> smaller(Optional<Money> a, Optional<Money> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().compareTo(b.get()) <= 0 ? a.get() : b.get());
    }
}
