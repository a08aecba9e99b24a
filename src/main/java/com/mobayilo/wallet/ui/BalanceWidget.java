package com.mobayilo.wallet.ui;

import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.HeaderWidget;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletOwners;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The available credit in the app header, updated live by {@code balance.changed} events. */
@org.springframework.stereotype.Component
class BalanceWidget implements HeaderWidget {

    private final AuthenticationContext authentication;

    private final WalletOwners owners;

    private final BalanceUpdates updates;

    BalanceWidget(AuthenticationContext authentication, WalletOwners owners, BalanceUpdates updates) {
        this.authentication = authentication;
        this.owners = owners;
        this.updates = updates;
    }

    @Override
    public Optional<Component> widget() {
        var principal = authentication.getAuthenticatedUser(AccountPrincipal.class);
        // A seat's calls are paid by its company, whose balance is its admins' business: seats see their limits on the dialer.
        if (principal.isEmpty() || principal.get().role() == com.mobayilo.accounts.Role.SEAT) {
            return Optional.empty();
        }
        var ui = UI.getCurrent();
        var amount = new Span();
        amount.setId("header-balance");
        var label = new Span(ui.getTranslation("header.balance"));
        label.addClassName("header-balance-label");
        var link = new Anchor("wallet", label, amount);
        link.addClassName("header-balance");
        amount.getElement().setAttribute("aria-live", "polite");
        var wallet = owners.walletOf(principal.get()).block(UiWait.LIMIT);
        amount.setText(wallet.available().format(ui.getLocale()));
        LiveBinding.bind(amount, updates.of(principal.get()), changed -> amount.setText(Money.cents(changed.availableCents()).format(ui.getLocale())));
        return Optional.of(link);
    }
}
