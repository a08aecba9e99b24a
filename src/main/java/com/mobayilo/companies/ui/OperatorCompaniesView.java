package com.mobayilo.companies.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.companies.Companies;
import com.mobayilo.companies.Company;
import com.mobayilo.companies.CompanyRefusal;
import com.mobayilo.companies.Seat;
import com.mobayilo.companies.SeatAdministration;
import com.mobayilo.companies.SeatStatus;
import com.mobayilo.companies.Seats;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Operators see every company with its wallet and members, disable or re-enable any member (the same lock-out as
 * an admin's: links spent, keys revoked, sessions ended) and go to the wallet adjustment screen for the company.
 */
@Route("operator/companies")
@Menu(title = "nav.operator.companies", order = 91, icon = "vaadin:building")
@RolesAllowed("OPERATOR")
class OperatorCompaniesView extends VerticalLayout implements HasDynamicTitle {

    private final Seats seats;

    private final Ledger ledger;

    private final SeatAdministration administration;

    private final AccountPrincipal operator;

    private final ListDataProvider<Company> directory;

    private final Grid<Company> list = new Grid<>();

    private final Grid<Seat> members = new Grid<>();

    private final Div detail = new Div();

    private final Paragraph wallet = new Paragraph();

    private final H2 detailTitle = new H2();

    private final Anchor adjust = new Anchor();

    OperatorCompaniesView(AuthenticationContext authentication, Companies companies, Seats seats, Ledger ledger, SeatAdministration administration) {
        this.seats = seats;
        this.ledger = ledger;
        this.administration = administration;
        this.operator = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.directory = new ListDataProvider<>(companies.all().collectList().block(UiWait.LIMIT));
        addClassName("page");
        setupList();
        var finder = new Div(finder(), list);
        finder.addClassName("settings-section");
        add(new H1(getTranslation("operator.companies.title")), new Paragraph(getTranslation("operator.companies.intro")), finder, detail());
        setupMembers();
    }

    private TextField finder() {
        var search = new TextField(getTranslation("operator.companies.search"));
        search.setId("company-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(AppIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> {
            var typed = event.getValue().strip().toLowerCase(Locale.ROOT);
            // A filter, not new items: new items would drop the operator's selection and close the company they opened.
            directory.setFilter(company -> company.name().toLowerCase(Locale.ROOT).contains(typed));
        });
        return search;
    }

    private void setupList() {
        var since = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ClientZone.of(UI.getCurrent()));
        list.setId("operator-companies");
        list.setAriaLabel(getTranslation("operator.companies.title"));
        list.addColumn(Company::name).setHeader(getTranslation("operator.companies.name")).setFlexGrow(2);
        list.addColumn(company -> company.billingCountry().displayName(getLocale())).setHeader(getTranslation("operator.companies.country")).setFlexGrow(1);
        list.addColumn(company -> since.format(company.createdAt())).setHeader(getTranslation("operator.companies.since")).setAutoWidth(true).setFlexGrow(0);
        // Long company names and "Pays de facturation" wrap; on a phone each company is a card.
        list.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        GridCards.whenNarrow(list, company -> GridCards.card(company.name(), "", company.billingCountry().displayName(getLocale()),
                getTranslation("cards.labelled", getTranslation("operator.companies.since"), since.format(company.createdAt()))));
        list.setItems(directory);
        list.setAllRowsVisible(true);
        list.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));
        list.setEmptyStateText(getTranslation("operator.companies.none"));
    }

    private Div detail() {
        wallet.setId("operator-company-wallet");
        adjust.setText(getTranslation("operator.companies.adjust"));
        detail.add(detailTitle, wallet, adjust, members);
        detail.addClassName("settings-section");
        detail.setWidthFull();
        detail.setVisible(false);
        return detail;
    }

    private void setupMembers() {
        members.setId("operator-company-members");
        members.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        members.addColumn(Seat::name).setHeader(getTranslation("operator.companies.member")).setFlexGrow(1);
        members.addColumn(Seat::email).setHeader(getTranslation("operator.companies.email")).setFlexGrow(1);
        members.addColumn(seat -> getTranslation(seat.isAdmin() ? "seats.role.admin" : "seats.role.seat"))
                .setHeader(getTranslation("operator.companies.role")).setAutoWidth(true).setFlexGrow(0);
        // Fixed widths: auto width measures the first rows only, and a later "Disabled" would be cut.
        members.addComponentColumn(this::status).setHeader(getTranslation("operator.companies.status")).setWidth("9em").setFlexGrow(0);
        members.addComponentColumn(this::standing).setHeader(getTranslation("operator.companies.actions")).setWidth("9em").setFlexGrow(0);
        members.setAllRowsVisible(true);
    }

    private void show(Company company) {
        detail.setVisible(company != null);
        if (company == null) {
            return;
        }
        detailTitle.setText(company.name());
        var account = ledger.walletOf(Owner.company(company.id().value())).block(UiWait.LIMIT);
        wallet.setText(getTranslation("operator.companies.wallet", account.balance().format(getLocale()), account.available().format(getLocale())));
        var people = seats.ofCompany(company.id()).collectList().block(UiWait.LIMIT);
        members.setItems(people);
        // Adjustments are booked on the company wallet through any of its admins' email.
        people.stream().filter(Seat::isAdmin).findFirst()
                .ifPresentOrElse(admin -> adjust.setHref("operator/wallets?customer=" + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8)), () -> adjust.removeHref());
    }

    private Badge status(Seat seat) {
        var badge = new Badge(getTranslation("seats.status." + seat.status().name()));
        badge.addThemeVariants(seat.status() == SeatStatus.ACTIVE ? BadgeVariant.SUCCESS : BadgeVariant.CONTRAST);
        return badge;
    }

    private Button standing(Seat seat) {
        var disabled = seat.status() == SeatStatus.DISABLED;
        var key = disabled ? "seats.enable" : "seats.disable";
        var button = new Button(getTranslation(key), event -> change(seat, disabled));
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        if (!disabled) {
            button.addThemeVariants(ButtonVariant.ERROR);
        }
        button.getElement().setAttribute("aria-label", getTranslation(key) + " · " + seat.name());
        button.setVisible(seat.status() != SeatStatus.REMOVED);
        return button;
    }

    private void change(Seat seat, boolean enable) {
        try {
            (enable ? administration.enable(operator, seat) : administration.disable(operator, seat)).block(UiWait.LIMIT);
            Notification.show(getTranslation(enable ? "seats.enabled" : "seats.disabled", seat.name(), seat.email()), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        }
        catch (CompanyRefusal refusal) {
            Notification.show(getTranslation(refusal.messageKey(), refusal.arguments()), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
        show(list.asSingleSelect().getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.companies.page.title");
    }
}
