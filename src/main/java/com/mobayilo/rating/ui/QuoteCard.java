package com.mobayilo.rating.ui;

import java.util.Locale;

import com.mobayilo.rating.Quote;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The answer for one number: what it is, what it costs, and whether (and for how long) it can be called. */
class QuoteCard extends Div {

    private final Span number = new Span();

    private final Span destination = new Span();

    private final Span rate = new Span();

    private final Paragraph minutes = new Paragraph();

    private final Paragraph blocked = new Paragraph();

    QuoteCard() {
        addClassName("quote-card");
        setId("quote");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        number.addClassName("quote-number");
        destination.addClassName("quote-destination");
        rate.addClassName("quote-rate");
        blocked.addClassName("quote-blocked");
        add(number, destination, rate, minutes, blocked);
        setVisible(false);
    }

    void show(Quote quote, Locale locale) {
        var phone = quote.number();
        number.setText(phone.international());
        var place = phone.country() == null ? getTranslation("rates.network") : phone.country().displayName(locale);
        destination.setText(getTranslation("rates.destination", place, getTranslation("rating.type." + phone.type().name())));
        rate.setText(getTranslation("rates.perminute", quote.rate().perMinute().cents(), quote.rate().perMinute().format(locale)));
        minutes.setVisible(quote.minutes().isPresent() && quote.blocked().isEmpty());
        quote.minutes().ifPresent(count -> minutes.setText(getTranslation("rates.minutes.now", count)));
        blocked.setVisible(quote.blocked().isPresent());
        quote.blocked().ifPresent(refusal -> blocked.setText(getTranslation(refusal.messageKey(), refusal.arguments())));
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }
}
