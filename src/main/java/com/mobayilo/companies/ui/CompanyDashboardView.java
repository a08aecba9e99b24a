package com.mobayilo.companies.ui;

import java.util.List;
import java.util.Set;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.calls.CallUpdated;
import com.mobayilo.companies.CompanyId;
import com.mobayilo.companies.SeatActivity;
import com.mobayilo.companies.SeatBoard;
import com.mobayilo.companies.SeatUpdated;
import com.mobayilo.events.StreamReset;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.BalanceChanged;
import com.mobayilo.wallet.WalletOwners;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.annotation.Value;

/**
 * The company's live dashboard: its wallet, and every member's state, call under way and spending against their
 * caps. Any seat, call or balance event re-reads the whole board in one query, so what shows is always the
 * database's word; no polling, and calls tick in the browser between events.
 */
@Route("company")
@Menu(title = "nav.company.dashboard", order = 40, icon = "vaadin:dashboard")
@RolesAllowed("COMPANY_ADMIN")
class CompanyDashboardView extends VerticalLayout implements HasDynamicTitle {

    /** The events after which the board may read differently. */
    private static final Set<String> CHANGES = Set.of(SeatUpdated.TYPE, CallUpdated.TYPE, BalanceChanged.TYPE, StreamReset.TYPE);

    private final SeatBoard board;

    private final WalletOwners owners;

    private final AccountPrincipal principal;

    private final CompanyId company;

    private final double speed;

    private final CompanyBalance balance = new CompanyBalance();

    private final Div cards = new Div();

    CompanyDashboardView(AuthenticationContext authentication, SeatBoard board, WalletOwners owners, LiveEvents live, SandboxMode sandbox,
            @Value("${mobayilo.sandbox.carrier.speed:1}") double speed) {
        this.board = board;
        this.owners = owners;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.company = new CompanyId(principal.company().orElseThrow());
        this.speed = sandbox.simulatesCalls() ? speed : 1;
        addClassName("page");
        addClassName("company-dashboard");
        cards.addClassName("seat-cards");
        cards.getElement().setAttribute("role", "list");
        cards.getElement().setAttribute("aria-label", getTranslation("company.dashboard.members"));
        var intro = new Paragraph(getTranslation("company.dashboard.intro"));
        intro.addClassName("page-intro");
        add(new H1(getTranslation("company.dashboard.title")), balance, new H2(getTranslation("company.dashboard.members")), intro, cards);
        refresh();
        LiveBinding.bind(this, live.follow(principal.id()).filter(event -> CHANGES.contains(event.type())), event -> refresh());
    }

    private void refresh() {
        balance.show(owners.walletOf(principal).block(UiWait.LIMIT), getLocale());
        show(board.of(company).block(UiWait.LIMIT));
    }

    private void show(List<SeatActivity> seats) {
        cards.removeAll();
        seats.forEach(activity -> cards.add(new SeatCard(activity, speed, getLocale())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("company.dashboard.page.title");
    }
}
