package com.mobayilo.companies.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.companies.CompanyId;
import com.mobayilo.companies.CompanyRefusal;
import com.mobayilo.companies.Seat;
import com.mobayilo.companies.SeatAdministration;
import com.mobayilo.companies.SeatInvitations;
import com.mobayilo.companies.SeatStatus;
import com.mobayilo.companies.Seats;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.CountryField;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The company's members as its admins manage them: who they are, where they stand, and the limits on their
 * calls. Admins invite people here, change limits, and turn access off or on; removing someone keeps their calls
 * in the company's history.
 */
@Route("company/seats")
@Menu(title = "nav.company.seats", order = 41, icon = "vaadin:users")
@RolesAllowed("COMPANY_ADMIN")
class SeatsView extends VerticalLayout implements HasDynamicTitle {

    private final Seats seats;

    private final SeatInvitations invitations;

    private final SeatAdministration administration;

    private final AccountPrincipal admin;

    private final CompanyId company;

    private final Grid<Seat> grid = new Grid<>();

    SeatsView(AuthenticationContext authentication, Seats seats, SeatInvitations invitations, SeatAdministration administration) {
        this.seats = seats;
        this.invitations = invitations;
        this.administration = administration;
        this.admin = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.company = new CompanyId(admin.companyId());
        var invite = new Button(getTranslation("seats.invite"), AppIcon.PLUS.create(), event -> openInvitation());
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        invite.setId("invite-seat");
        var heading = new HorizontalLayout(new H1(getTranslation("seats.title")), invite);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        setupGrid();
        add(heading, new Paragraph(getTranslation("seats.intro")), grid);
        setSizeFull();
        refresh();
    }

    private void setupGrid() {
        grid.setId("seats-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.getElement().setAttribute("aria-label", getTranslation("seats.title"));
        // Five columns fit a laptop screen: who, status, limits, countries and actions (the rarer ones in a menu).
        grid.addComponentColumn(this::person).setHeader(getTranslation("seats.column.person")).setFlexGrow(2);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("seats.column.status")).setWidth("9em").setFlexGrow(0);
        grid.addComponentColumn(this::limits).setHeader(getTranslation("seats.column.limits")).setFlexGrow(1);
        grid.addColumn(this::countries).setHeader(getTranslation("seats.column.countries")).setFlexGrow(1);
        // A fixed width: auto width is measured before the row menu has rendered, which then fell outside the grid.
        grid.addComponentColumn(this::actions).setHeader(getTranslation("seats.column.actions")).setWidth("12em").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        GridCards.whenNarrow(grid, this::card);
    }

    /** A seat on a phone: who and their status, their limits and countries, then the actions. */
    private Div card(Seat seat) {
        var head = new Div(person(seat), statusBadge(seat));
        head.addClassName("grid-card-title");
        var countries = new Span(getTranslation("cards.labelled", getTranslation("seats.column.countries"), countries(seat)));
        countries.addClassName("grid-card-line");
        var card = new Div(head, limits(seat), countries, actions(seat));
        card.addClassName("grid-card");
        return card;
    }

    private void refresh() {
        grid.setItems(seats.ofCompany(company).collectList().block(UiWait.LIMIT));
    }

    private Badge statusBadge(Seat seat) {
        var badge = new Badge(getTranslation("seats.status." + seat.status().name()));
        badge.addThemeVariants(switch (seat.status()) {
            case INVITED -> BadgeVariant.WARNING;
            case ACTIVE -> BadgeVariant.SUCCESS;
            case DISABLED, REMOVED -> BadgeVariant.CONTRAST;
        });
        return badge;
    }

    private Div person(Seat seat) {
        var name = new Span(seat.name());
        name.addClassName("seat-row-name");
        var email = new Span(seat.email());
        email.addClassName("seat-row-detail");
        var role = new Span(getTranslation(seat.isAdmin() ? "seats.role.admin" : "seats.role.seat"));
        role.addClassName("seat-row-detail");
        var person = new Div(name, email, role);
        person.addClassName("seat-row");
        return person;
    }

    private Div limits(Seat seat) {
        var settings = seat.settings();
        var daily = new Span(getTranslation("seats.limits.daily", cap(settings.dailyCap())));
        var monthly = new Span(getTranslation("seats.limits.monthly", cap(settings.monthlyCap())));
        var concurrent = new Span(getTranslation("seats.limits.concurrent", settings.maxConcurrentCalls()));
        concurrent.addClassName("seat-row-detail");
        var limits = new Div(daily, monthly, concurrent);
        limits.addClassName("seat-row");
        return limits;
    }

    private String cap(Optional<Money> cap) {
        return cap.map(money -> money.format(getLocale())).orElseGet(() -> getTranslation("seats.cap.none"));
    }

    private String countries(Seat seat) {
        var codes = seat.settings().countries();
        return codes.isEmpty() ? getTranslation("seats.countries.all")
                : codes.stream().map(code -> CountryField.name(code.value(), getLocale())).sorted().collect(Collectors.joining(", "));
    }

    private HorizontalLayout actions(Seat seat) {
        var edit = action("seats.edit", seat, event -> openEdit(seat));
        var actions = new HorizontalLayout(edit);
        actions.setSpacing(false);
        actions.setPadding(false);
        var more = new MenuBar();
        more.addThemeVariants(MenuBarVariant.TERTIARY, MenuBarVariant.SMALL);
        var item = more.addItem(AppIcon.ELLIPSIS_DOTS_V.create());
        item.setAriaLabel(getTranslation("seats.more", seat.name()));
        var menu = item.getSubMenu();
        if (seat.status() == SeatStatus.INVITED) {
            menu.addItem(getTranslation("seats.resend"), event -> run(seat, current -> invitations.resend(admin, current).block(UiWait.LIMIT), "seats.resent"));
        }
        // An admin cannot lock themselves out (the company must keep someone who manages it), so they are not offered it.
        if (!seat.user().equals(admin.id())) {
            if (seat.status() == SeatStatus.DISABLED) {
                menu.addItem(getTranslation("seats.enable"), event -> run(seat, current -> administration.enable(admin, current).block(UiWait.LIMIT), "seats.enabled"));
            }
            else {
                menu.addItem(getTranslation("seats.disable"), event -> run(seat, current -> administration.disable(admin, current).block(UiWait.LIMIT), "seats.disabled"));
            }
            menu.addItem(getTranslation("seats.remove"), event -> confirmRemoval(seat)).addClassName("seat-remove");
        }
        if (!menu.getItems().isEmpty()) {
            actions.add(more);
        }
        return actions;
    }

    private Button action(String key, Seat seat, ComponentEventListener<ClickEvent<Button>> listener) {
        var button = new Button(getTranslation(key), listener);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        // Every row has the same buttons: the accessible name says whose row it is.
        button.getElement().setAttribute("aria-label", getTranslation(key) + " · " + seat.name());
        return button;
    }

    private void confirmRemoval(Seat seat) {
        var confirm = new ConfirmDialog(getTranslation("seats.remove.title", seat.name()), getTranslation("seats.remove.text", seat.name()),
                getTranslation("seats.remove.confirm"), event -> run(seat, current -> administration.remove(admin, current).block(UiWait.LIMIT), "seats.removed"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("seats.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void run(Seat seat, Function<Seat, Seat> change, String doneKey) {
        try {
            change.apply(seat);
            notice(getTranslation(doneKey, seat.name(), seat.email()), NotificationVariant.SUCCESS);
        }
        catch (CompanyRefusal refusal) {
            notice(getTranslation(refusal.messageKey(), refusal.arguments()), NotificationVariant.ERROR);
        }
        refresh();
    }

    private void openInvitation() {
        SeatDialog.invite(callerIds(), (email, name, role, settings) -> {
            invitations.invite(admin, email, name, role, settings, getLocale()).block(UiWait.LIMIT);
            notice(getTranslation("seats.invited", email), NotificationVariant.SUCCESS);
            refresh();
        }).open();
    }

    private void openEdit(Seat seat) {
        SeatDialog.edit(seat, callerIds(), (email, name, role, settings) -> {
            administration.changeSettings(admin, seat, settings).block(UiWait.LIMIT);
            notice(getTranslation("seats.saved", seat.name()), NotificationVariant.SUCCESS);
            refresh();
        }).open();
    }

    private List<String> callerIds() {
        return seats.verifiedCallerIds(company).collectList().block(UiWait.LIMIT);
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("seats.page.title");
    }
}
