package com.mobayilo.companies.ui;

import java.util.Locale;
import java.util.Optional;

import com.mobayilo.shared.Money;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;

/** What a seat spent against one of its caps, as text (read out too) and a bar; just the amount when uncapped. */
class SpendMeter extends Div {

    SpendMeter(String label, String id, Money spent, Optional<Money> cap, Locale locale) {
        addClassName("spend-meter");
        var title = new Span(label);
        title.addClassName("spend-label");
        var amount = new Span(cap.map(limit -> getTranslation("company.dashboard.ofCap", spent.format(locale), limit.format(locale)))
                .orElseGet(() -> getTranslation("company.dashboard.noCap", spent.format(locale))));
        amount.addClassName(id);
        amount.addClassName("spend-amount");
        add(title, amount);
        cap.ifPresent(limit -> add(bar(label, spent, limit, amount.getText())));
    }

    private static ProgressBar bar(String label, Money spent, Money cap, String text) {
        var share = Math.min(1.0, (double) spent.cents() / cap.cents());
        var bar = new ProgressBar(0, 1, share);
        bar.getElement().setAttribute("aria-label", label + ": " + text);
        if (share >= 1) {
            // A spent cap refuses the seat's next call: worth the admin's eye.
            bar.addThemeVariants(ProgressBarVariant.ERROR);
        }
        return bar;
    }
}
