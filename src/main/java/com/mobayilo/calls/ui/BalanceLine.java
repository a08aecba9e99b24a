package com.mobayilo.calls.ui;

import java.util.Locale;

import com.mobayilo.calls.SeatAllowance;
import com.mobayilo.shared.Money;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The money line under the dialer, in the words used everywhere (header, wallet, API): the balance, what is held
 * for the call under way and what is available. A seat sees its own limits instead, as its company's balance is
 * its admins' business.
 */
class BalanceLine extends Paragraph {

    BalanceLine() {
        setId("call-balance");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
    }

    /** "Available: $10.00", or "Balance $10.00 · $4.84 held for this call · $5.16 available" while a call holds credit. */
    void show(Money balance, Money available) {
        var locale = getLocale();
        var held = balance.minus(available);
        setText(held.isPositive()
                ? getTranslation("dialer.balance.holding", balance.format(locale), held.format(locale), available.format(locale))
                : getTranslation("dialer.balance", available.format(locale)));
    }

    /** "$2.56 left today · No monthly cap": each cap on its own, or that there is none. */
    void show(SeatAllowance.Allowance seat) {
        Locale locale = getLocale();
        var today = seat.leftToday().map(left -> getTranslation("dialer.seat.today", left.format(locale)))
                .orElseGet(() -> getTranslation("dialer.seat.today.none"));
        var month = seat.leftThisMonth().map(left -> getTranslation("dialer.seat.month", left.format(locale)))
                .orElseGet(() -> getTranslation("dialer.seat.month.none"));
        setText(getTranslation("dialer.seat.limits", today, month));
    }
}
