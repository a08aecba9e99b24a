package com.mobayilo.wallet.ui;

import java.util.Locale;

import com.mobayilo.shared.Money;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Balance and available credit, side by side, with what each means. */
class BalanceCards extends Div {

    private final Span balance = new Span();

    private final Span balanceCredits = new Span();

    private final Span available = new Span();

    private final Span availableCredits = new Span();

    BalanceCards() {
        addClassName("balance-cards");
        add(card("wallet.balance", "wallet.balance.help", balance, balanceCredits, "wallet-balance"),
                card("wallet.available", "wallet.available.help", available, availableCredits, "wallet-available"));
    }

    void show(Money balanceAmount, Money availableAmount, Locale locale) {
        balance.setText(balanceAmount.format(locale));
        balanceCredits.setText(getTranslation("wallet.credits", balanceAmount.cents()));
        available.setText(availableAmount.format(locale));
        availableCredits.setText(getTranslation("wallet.credits", availableAmount.cents()));
    }

    private Div card(String titleKey, String helpKey, Span amount, Span credits, String id) {
        var title = new Span(getTranslation(titleKey));
        title.addClassName("card-title");
        amount.addClassName("card-amount");
        amount.setId(id);
        credits.addClassName("card-credits");
        var help = new Span(getTranslation(helpKey));
        help.addClassName("card-help");
        var card = new Div(title, amount, credits, help);
        card.addClassName("balance-card");
        return card;
    }
}
