package com.mobayilo.rating.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.rating.BlockedPrefix;
import com.mobayilo.rating.DestinationPolicy;
import com.mobayilo.rating.Policies;
import com.mobayilo.rating.PolicyChanges;
import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** Operators set the account limits and the blocked destinations; every change is listed with who made it. */
@Route("operator/policy")
@Menu(title = "nav.operator.policy", order = 92, icon = "vaadin:shield")
@RolesAllowed("OPERATOR")
class PolicyView extends VerticalLayout implements HasDynamicTitle {

    private final Policies policies;

    private final PolicyChanges changes;

    private final AccountPrincipal operator;

    private final Grid<BlockedPrefix> blocked = new Grid<>();

    private final Grid<PolicyChanges.Entry> audit = new Grid<>();

    PolicyView(Policies policies, PolicyChanges changes, AuthenticationContext authentication) {
        this.policies = policies;
        this.changes = changes;
        this.operator = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        addClassName("page");
        add(new H1(getTranslation("policy.title")), limits(), blockedList(), auditList());
        refresh();
    }

    private Div limits() {
        var policy = policies.current();
        var daily = credits("policy.daily", policy.dailyCap());
        var newDaily = credits("policy.newdaily", policy.newAccountDailyCap());
        var days = new IntegerField(getTranslation("policy.newdays"));
        days.setValue(policy.newAccountDays());
        days.setMin(0);
        var concurrent = new IntegerField(getTranslation("policy.concurrent"));
        concurrent.setValue(policy.maxConcurrentCalls());
        concurrent.setMin(1);
        var save = new Button(getTranslation("policy.save"), event -> {
            try {
                policies.update(new DestinationPolicy(Money.cents(value(daily)), Money.cents(value(newDaily)), (int) value(days), (int) value(concurrent)),
                        operator.id()).block(UiWait.LIMIT);
                saved();
            }
            catch (DomainException refusal) {
                show(refusal, concurrent);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var section = new Div(new H2(getTranslation("policy.limits")), new Paragraph(getTranslation("policy.limits.help")),
                new FormLayout(daily, newDaily, days, concurrent), save);
        section.addClassName("settings-section");
        return section;
    }

    private Div blockedList() {
        var builtIn = new Paragraph(getTranslation("policy.builtin"));
        var prefix = new TextField(getTranslation("policy.prefix"));
        prefix.setHelperText(getTranslation("policy.prefix.helper"));
        var reason = new TextField(getTranslation("policy.reason"));
        reason.setRequiredIndicatorVisible(true);
        var add = new Button(getTranslation("policy.block"), event -> {
            try {
                policies.block(prefix.getValue(), reason.getValue(), operator.id()).block(UiWait.LIMIT);
                prefix.clear();
                reason.clear();
                saved();
            }
            catch (DomainException refusal) {
                show(refusal, refusal.messageKey().contains("reason") ? reason : prefix);
            }
        });
        var row = new HorizontalLayout(prefix, reason, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        blocked.addColumn(entry -> "+" + entry.prefix()).setHeader(getTranslation("policy.prefix")).setAutoWidth(true);
        blocked.addColumn(BlockedPrefix::reason).setHeader(getTranslation("policy.reason")).setFlexGrow(2);
        blocked.addComponentColumn(entry -> {
            var remove = new Button(getTranslation("policy.unblock"), event -> {
                policies.unblock(entry.prefix(), operator.id()).block(UiWait.LIMIT);
                saved();
            });
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            remove.getElement().setAttribute("aria-label", getTranslation("policy.unblock.named", entry.prefix()));
            return remove;
        }).setAutoWidth(true);
        blocked.setAllRowsVisible(true);
        blocked.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        blocked.setEmptyStateText(getTranslation("policy.blocked.none"));
        blocked.setAriaLabel(getTranslation("policy.blocked"));
        var section = new Div(new H2(getTranslation("policy.blocked")), builtIn, row, blocked);
        section.addClassName("settings-section");
        return section;
    }

    private Div auditList() {
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(ClientZone.of(UI.getCurrent()));
        audit.addColumn(entry -> time.format(entry.at())).setHeader(getTranslation("operator.wallets.audit.when")).setAutoWidth(true);
        audit.addColumn(this::who).setHeader(getTranslation("operator.wallets.audit.who")).setAutoWidth(true);
        audit.addColumn(this::change).setHeader(getTranslation("policy.audit.change")).setFlexGrow(3);
        audit.setAllRowsVisible(true);
        audit.setAriaLabel(getTranslation("policy.audit"));
        // A change is a sentence: it wraps rather than being cut short, and is a card on a phone.
        audit.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        GridCards.whenNarrow(audit, entry -> GridCards.card(change(entry), "", time.format(entry.at()), who(entry)));
        var section = new Div(new H2(getTranslation("policy.audit")), audit);
        section.addClassName("settings-section");
        return section;
    }

    /** The change in the operator's language (older rows, stored as English text, as written). */
    private String change(PolicyChanges.Entry entry) {
        return entry.change().in(getLocale(), (key, locale, args) -> getTranslation(locale, key, args));
    }

    private String who(PolicyChanges.Entry entry) {
        return entry.operator().orElseGet(() -> getTranslation("policy.audit.app"));
    }

    private IntegerField credits(String labelKey, Money amount) {
        var field = new IntegerField(getTranslation(labelKey));
        field.setValue((int) amount.cents());
        field.setMin(0);
        field.setHelperText(getTranslation("policy.credits.helper"));
        return field;
    }

    private static long value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private void show(DomainException refusal, HasValidation field) {
        field.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
        field.setInvalid(true);
    }

    private void saved() {
        Notification.show(getTranslation("policy.saved"), 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
        refresh();
    }

    private void refresh() {
        blocked.setItems(policies.blocked());
        audit.setItems(changes.recent(50).collectList().block(UiWait.LIMIT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.page.title");
    }

}
