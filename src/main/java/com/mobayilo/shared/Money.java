package com.mobayilo.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount of money in whole US cents, which are also Mobayilo's credits (1 credit = 1 cent). Never a
 * floating-point number; providers' formats are produced only in their adapters.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static final Currency CURRENCY = Currency.getInstance("USD");

    public static Money cents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isGreaterThan(Money other) {
        return cents > other.cents;
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public Money max(Money other) {
        return cents >= other.cents ? this : other;
    }

    /** Dollars and cents in the reader's conventions: "$5.00", "5,00 $US". */
    public String format(Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(CURRENCY);
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return cents + "¢";
    }
}
