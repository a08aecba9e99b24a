package com.mobayilo.wallet.ui;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.Holds;
import com.mobayilo.wallet.LedgerHistory;
import com.mobayilo.wallet.Wallet;
import com.mobayilo.wallet.WalletOwners;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.ObjectProvider;

/** The signed-in user's wallet: balance, credit held for calls in progress, and every transaction. */
@Route("wallet")
@Menu(title = "nav.wallet", order = 20, icon = "vaadin:wallet")
@RolesAllowed({"INDIVIDUAL", "COMPANY_ADMIN", "OPERATOR"})
class WalletView extends VerticalLayout implements HasDynamicTitle {

    private final Holds holds;

    private final WalletOwners owners;

    private final AccountPrincipal principal;

    private final BalanceCards cards = new BalanceCards();

    private final HoldsList holdsList;

    private final HistoryGrid historyGrid;

    WalletView(AuthenticationContext authentication, WalletOwners owners, Holds holds, LedgerHistory history, BalanceUpdates updates,
            ObjectProvider<WalletSection> sections) {
        this.holds = holds;
        this.owners = owners;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        addClassName("page");
        var zone = ClientZone.of(UI.getCurrent());
        var wallet = owners.walletOf(principal).block(UiWait.LIMIT);
        holdsList = new HoldsList(zone);
        historyGrid = new HistoryGrid(history, wallet.id(), zone);
        add(new H1(getTranslation("wallet.title")), cards);
        sections.orderedStream().map(section -> section.section(wallet)).forEach(this::add);
        add(holdsList, historyGrid);
        show(wallet);
        LiveBinding.bind(this, updates.of(principal), changed -> refresh());
    }

    private void refresh() {
        show(owners.walletOf(principal).block(UiWait.LIMIT));
        historyGrid.refresh();
    }

    private void show(Wallet wallet) {
        cards.show(wallet.balance(), wallet.available(), getLocale());
        holdsList.show(holds.activeOn(wallet.id()).collectList().block(UiWait.LIMIT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wallet.page.title");
    }
}
