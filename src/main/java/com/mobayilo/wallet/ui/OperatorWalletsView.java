package com.mobayilo.wallet.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.Adjustment;
import com.mobayilo.wallet.Adjustments;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Wallet;
import com.mobayilo.wallet.WalletOwners;
import com.mobayilo.wallet.WalletRefusal;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** Operators credit or debit a customer's wallet, always with a reason; every adjustment is listed with who made it. */
@Route("operator/wallets")
@Menu(title = "nav.operator.wallets", order = 90, icon = "vaadin:scale")
@RolesAllowed("OPERATOR")
class OperatorWalletsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final Users users;

    private final Ledger ledger;

    private final Adjustments adjustments;

    private final AccountPrincipal operator;

    private final EmailField customer = new EmailField();

    private final Paragraph found = new Paragraph();

    private final Badge owes = new Badge();

    private final IntegerField amount = new IntegerField();

    private final RadioButtonGroup<Boolean> direction = new RadioButtonGroup<>();

    private final TextArea reason = new TextArea();

    private final Button apply = new Button();

    private final Grid<Adjustment> audit = new Grid<>();

    private Wallet wallet;

    private String requestKey = UUID.randomUUID().toString();

    OperatorWalletsView(AuthenticationContext authentication, Users users, Ledger ledger, Adjustments adjustments) {
        this.users = users;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.operator = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        addClassName("page");
        add(new H1(getTranslation("operator.wallets.title")), finder(), form(), auditSection());
        refreshAudit();
    }

    private Div finder() {
        customer.setLabel(getTranslation("operator.wallets.customer"));
        var find = new Button(getTranslation("operator.wallets.find"), event -> find());
        var row = new HorizontalLayout(customer, find);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        found.setId("found-wallet");
        owes.setId("wallet-owes");
        owes.addThemeVariants(BadgeVariant.ERROR);
        owes.setVisible(false);
        var section = new Div(row, found, owes);
        section.addClassName("settings-section");
        return section;
    }

    private Div form() {
        amount.setLabel(getTranslation("operator.wallets.amount"));
        amount.setHelperText(getTranslation("operator.wallets.amount.helper"));
        amount.setMin(1);
        amount.setStepButtonsVisible(false);
        direction.setLabel(getTranslation("operator.wallets.direction"));
        direction.setItems(true, false);
        direction.setItemLabelGenerator(credit -> getTranslation(credit ? "operator.wallets.credit" : "operator.wallets.debit"));
        direction.setValue(true);
        reason.setLabel(getTranslation("operator.wallets.reason"));
        reason.setHelperText(getTranslation("operator.wallets.reason.helper"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        apply.setText(getTranslation("operator.wallets.apply"));
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        apply.addClickListener(event -> confirm());
        var section = new Div(new H2(getTranslation("operator.wallets.adjust")), new FormLayout(amount, direction, reason), apply);
        section.addClassName("settings-section");
        setFormEnabled(false);
        return section;
    }

    private Div auditSection() {
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(ClientZone.of(UI.getCurrent()));
        audit.addColumn(row -> time.format(row.at())).setHeader(getTranslation("operator.wallets.audit.when")).setAutoWidth(true);
        audit.addColumn(Adjustment::operator).setHeader(getTranslation("operator.wallets.audit.who")).setAutoWidth(true);
        audit.addColumn(Adjustment::walletOwner).setHeader(getTranslation("operator.wallets.audit.customer")).setAutoWidth(true);
        audit.addColumn(row -> row.amount().format(getLocale())).setHeader(getTranslation("operator.wallets.audit.amount")).setAutoWidth(true);
        audit.addColumn(Adjustment::reason).setHeader(getTranslation("operator.wallets.audit.why")).setFlexGrow(3);
        audit.setAriaLabel(getTranslation("operator.wallets.audit"));
        audit.setAllRowsVisible(true);
        var section = new Div(new H2(getTranslation("operator.wallets.audit")), audit);
        section.addClassName("settings-section");
        return section;
    }

    private void find() {
        wallet = null;
        owes.setVisible(false);
        setFormEnabled(false);
        var user = EmailAddress.isValid(customer.getValue()) ? users.findByEmail(EmailAddress.of(customer.getValue())).blockOptional(UiWait.LIMIT) : java.util.Optional.<User>empty();
        if (user.isEmpty()) {
            found.setText(getTranslation("operator.wallets.notfound"));
            return;
        }
        // A company member's money is the company's wallet, the one their calls hold and charge.
        wallet = ledger.walletOf(WalletOwners.ownerOf(AccountPrincipal.of(user.get()))).block(UiWait.LIMIT);
        showWallet(user.get());
        setFormEnabled(true);
    }

    private void showWallet(User user) {
        found.setText(getTranslation(user.company().isPresent() ? "operator.wallets.found.company" : "operator.wallets.found", user.fullName(),
                user.email().value(), wallet.balance().format(getLocale()), wallet.available().format(getLocale())));
        // Below zero only by paid credit that was spent and then taken back by a refund or chargeback: a debt.
        owes.setText(getTranslation("operator.wallets.owes", wallet.balance().negate().format(getLocale())));
        owes.setVisible(wallet.balance().isNegative());
    }

    private void confirm() {
        if (amount.getValue() == null || amount.getValue() < 1 || reason.getValue().isBlank()) {
            amount.setInvalid(amount.getValue() == null || amount.getValue() < 1);
            amount.setErrorMessage(getTranslation("wallet.amount.invalid"));
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("wallet.reason.required"));
            return;
        }
        var money = Money.cents(amount.getValue());
        var signed = direction.getValue() ? money : money.negate();
        var dialog = new ConfirmDialog(getTranslation("operator.wallets.confirm.title"),
                getTranslation(direction.getValue() ? "operator.wallets.confirm.credit" : "operator.wallets.confirm.debit", money.format(getLocale()), customer.getValue()),
                getTranslation("operator.wallets.apply"), event -> adjust(signed));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("operator.wallets.cancel"));
        dialog.open();
    }

    private void adjust(Money signed) {
        try {
            adjustments.adjust(wallet.id(), signed, operator.id(), reason.getValue(), requestKey).block(UiWait.LIMIT);
        }
        catch (WalletRefusal refusal) {
            Notification.show(getTranslation(refusal.messageKey(), refusal.arguments()), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.ERROR);
            return;
        }
        requestKey = UUID.randomUUID().toString();
        amount.clear();
        reason.clear();
        reason.setInvalid(false);
        Notification.show(getTranslation("operator.wallets.done"), 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
        find();
        refreshAudit();
    }

    private void setFormEnabled(boolean enabled) {
        amount.setEnabled(enabled);
        direction.setEnabled(enabled);
        reason.setEnabled(enabled);
        apply.setEnabled(enabled);
    }

    private void refreshAudit() {
        audit.setItems(adjustments.recent(50).collectList().block(UiWait.LIMIT));
    }

    /** {@code ?customer=email} opens that customer's wallet, as the operator's companies screen links to it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("customer").ifPresent(email -> {
            customer.setValue(email);
            find();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.wallets.page.title");
    }
}
