package com.mobayilo.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.mobayilo.shared.Money;

/**
 * How a supplier's cost becomes a sell rate: a percentage on top, but never less than a minimum margin,
 * rounded up to whole credits.
 */
public record Markup(BigDecimal percent, Money minimumMargin) {

    public Markup {
        if (percent == null || percent.signum() < 0 || minimumMargin == null || minimumMargin.isNegative()) {
            throw new IllegalArgumentException("A markup needs a percentage and a minimum margin, neither negative");
        }
    }

    /** The sell rate for a cost in (fractional) US cents per minute. */
    public Money sellRateFor(BigDecimal costCents) {
        var marked = costCents.multiply(BigDecimal.ONE.add(percent.movePointLeft(2)));
        var floor = costCents.add(BigDecimal.valueOf(minimumMargin.cents()));
        var sell = marked.max(floor).setScale(0, RoundingMode.CEILING).longValueExact();
        return Money.cents(Math.max(1, sell));
    }
}
