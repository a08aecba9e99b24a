package com.mobayilo.companies.ui;

import java.util.Locale;

import com.mobayilo.companies.SeatActivity;
import com.mobayilo.companies.SeatActivity.State;
import com.mobayilo.ui.CountryFlag;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One member on the live dashboard: who, their state in words (not only colour), their call under way with its
 * ticking timer and running cost, and today's and this month's spending against their caps.
 */
class SeatCard extends Div {

    SeatCard(SeatActivity activity, double speed, Locale locale) {
        var seat = activity.seat();
        addClassName("seat-card");
        getElement().setAttribute("data-seat-email", seat.email());
        getElement().setAttribute("role", "listitem");
        var name = new Span(seat.name());
        name.addClassName("seat-name");
        var email = email(seat.email());
        var who = new Div(name, email);
        who.addClassName("seat-who");
        var header = new Div(who, badge(activity.state()));
        header.addClassName("seat-header");
        add(header);
        activity.call().ifPresent(call -> add(call(call, speed, locale)));
        var settings = seat.settings();
        var spending = new Div(
                new SpendMeter(getTranslation("company.dashboard.today"), "seat-spent-today", activity.spentToday(), settings.dailyCap(), locale),
                new SpendMeter(getTranslation("company.dashboard.month"), "seat-spent-month", activity.spentThisMonth(), settings.monthlyCap(),
                        locale));
        spending.addClassName("seat-spending");
        if (activity.held().isPositive()) {
            var held = new Span(getTranslation("company.dashboard.held", activity.held().format(locale)));
            held.addClassName("seat-held");
            spending.add(held);
        }
        add(spending);
    }

    /**
     * A long address breaks at its @ rather than mid-word, each half shortened with an ellipsis when it still does
     * not fit, and the whole address in a tooltip.
     */
    private static Span email(String address) {
        var at = address.lastIndexOf('@');
        var email = at <= 0 ? new Span(new Span(address)) : new Span(new Span(address.substring(0, at)), new Span(address.substring(at)));
        email.addClassName("seat-email");
        email.getElement().setAttribute("title", address);
        return email;
    }

    private Badge badge(State state) {
        var badge = new Badge(getTranslation("company.dashboard.state." + state.name()));
        badge.addClassName("seat-state");
        badge.getElement().setAttribute("data-state", state.name());
        switch (state) {
            case IDLE -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case RINGING -> badge.addThemeVariants(BadgeVariant.WARNING);
            case ON_CALL -> badge.addThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.FILLED);
            case DISABLED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case INVITED, OFFLINE -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        return badge;
    }

    private Div call(SeatActivity.LiveCall call, double speed, Locale locale) {
        var where = new Span(call.country().map(country -> CountryFlag.named(country, locale))
                .orElseGet(() -> new Span(getTranslation("company.dashboard.unknownCountry"))));
        where.addClassName("seat-call-country");
        var number = new Span(call.maskedNumber());
        number.addClassName("seat-call-number");
        var rate = new Span(getTranslation("company.dashboard.rate", call.rate().format(locale)));
        rate.addClassName("seat-call-rate");
        var line = new Div(where, number, rate);
        line.addClassName("seat-call-line");
        var box = new Div(line, new SeatCallTimer(call, speed, locale));
        box.addClassName("seat-call");
        return box;
    }
}
