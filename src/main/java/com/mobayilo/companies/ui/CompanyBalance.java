package com.mobayilo.companies.ui;

import java.util.Locale;

import com.mobayilo.ui.AppIcon;
import com.mobayilo.wallet.Wallet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The company wallet at the top of the dashboard: balance, what is free for new calls, and where to add credit. */
class CompanyBalance extends Div {

    private final Span balance = new Span();

    private final Span available = new Span();

    CompanyBalance() {
        addClassName("balance-cards");
        var addCredit = new Anchor("wallet", getTranslation("company.dashboard.addCredit"));
        addCredit.addComponentAsFirst(AppIcon.PLUS_CIRCLE_O.create());
        addCredit.addClassName("company-add-credit");
        var balanceCard = card("company.dashboard.balance", "company.dashboard.balance.help", balance, "company-balance");
        balanceCard.add(addCredit);
        add(balanceCard, card("company.dashboard.available", "company.dashboard.available.help", available, "company-available"));
    }

    void show(Wallet wallet, Locale locale) {
        balance.setText(wallet.balance().format(locale));
        available.setText(wallet.available().format(locale));
    }

    private Div card(String titleKey, String helpKey, Span amount, String id) {
        var title = new Span(getTranslation(titleKey));
        title.addClassName("card-title");
        amount.addClassName("card-amount");
        amount.setId(id);
        var help = new Span(getTranslation(helpKey));
        help.addClassName("card-help");
        var card = new Div(title, amount, help);
        card.addClassName("balance-card");
        return card;
    }
}
