package com.mobayilo.payments.ui;

import java.math.BigDecimal;
import java.util.Optional;

import com.mobayilo.accounts.UserId;
import com.mobayilo.events.StreamReset;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.payments.AutoRecharge;
import com.mobayilo.payments.AutoRechargeSettings;
import com.mobayilo.payments.AutoRechargeTurnedOff;
import com.mobayilo.payments.InvalidAutoRecharge;
import com.mobayilo.payments.InvalidTopUp;
import com.mobayilo.payments.Receipt;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;

/**
 * Opt-in auto-recharge on the wallet page: the threshold, the amount and the monthly ceiling, the card it charges
 * (saved by the next checkout when there is none), and why it stopped when a charge was refused, live.
 */
class AutoRechargeSection extends Div {

    private final AutoRechargeSettings settings;

    private final WalletId wallet;

    private final UserId payer;

    private final Checkbox enabled = new Checkbox();

    private final BigDecimalField threshold = new BigDecimalField();

    private final BigDecimalField amount = new BigDecimalField();

    private final BigDecimalField ceiling = new BigDecimalField();

    private final Paragraph status = new Paragraph();

    AutoRechargeSection(AutoRechargeSettings settings, WalletId wallet, UserId payer, LiveEvents live) {
        this.settings = settings;
        this.wallet = wallet;
        this.payer = payer;
        setId("auto-recharge");
        addClassNames("wallet-section", "auto-recharge");
        enabled.setLabel(getTranslation("autorecharge.enabled"));
        dollars(threshold, "autorecharge.threshold", "autorecharge.threshold.helper");
        dollars(amount, "autorecharge.amount", "autorecharge.amount.helper");
        dollars(ceiling, "autorecharge.ceiling", "autorecharge.ceiling.helper");
        status.setId("auto-recharge-status");
        status.getElement().setAttribute("role", "status");
        var save = new Button(getTranslation("autorecharge.save"), event -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var fields = new Div(threshold, amount, ceiling);
        fields.addClassName("auto-recharge-fields");
        add(new H2(getTranslation("autorecharge.title")), new Paragraph(getTranslation("autorecharge.intro")), enabled, fields, save, status);
        show(settings.of(wallet).block(UiWait.LIMIT));
        LiveBinding.bind(this, live.follow(payer), event -> {
            if (AutoRechargeTurnedOff.TYPE.equals(event.type()) || StreamReset.is(event)) {
                show(settings.of(wallet).block(UiWait.LIMIT));
            }
        });
    }

    private void dollars(BigDecimalField field, String label, String helper) {
        field.setLabel(getTranslation(label));
        field.setHelperText(getTranslation(helper));
        field.setPrefixComponent(new Span("$"));
        field.setLocale(getLocale());
        field.addValueChangeListener(event -> field.setInvalid(false));
    }

    private void show(Optional<AutoRecharge> current) {
        enabled.setValue(current.map(AutoRecharge::enabled).orElse(false));
        threshold.setValue(dollars(current.map(AutoRecharge::threshold).orElse(Money.cents(200))));
        amount.setValue(dollars(current.map(AutoRecharge::amount).orElse(Money.cents(1_000))));
        ceiling.setValue(dollars(current.map(AutoRecharge::ceiling).orElse(Money.cents(3_000))));
        status.setText(current.map(this::statusOf).orElse(getTranslation("autorecharge.status.never")));
        status.getElement().getClassList().set("notice-error", current.flatMap(AutoRecharge::disabledReason).isPresent());
    }

    private String statusOf(AutoRecharge current) {
        if (current.disabledReason().isPresent()) {
            return getTranslation("autorecharge.status.refused", current.disabledReason().get());
        }
        if (!current.enabled()) {
            return getTranslation("autorecharge.status.off");
        }
        return settings.cardOf(current).block(UiWait.LIMIT)
                .map(card -> getTranslation("autorecharge.status.card", Receipt.brandName(card.brand()), card.last4()))
                .orElseGet(() -> getTranslation(current.card().isPresent() ? "autorecharge.status.saved" : "autorecharge.status.nocard"));
    }

    private void save() {
        try {
            var saved = settings.save(wallet, payer, enabled.getValue(), money(threshold), money(amount), money(ceiling)).block(UiWait.LIMIT);
            show(Optional.of(saved));
            Notification.show(getTranslation("autorecharge.saved"), 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.SUCCESS);
        }
        catch (InvalidAutoRecharge invalid) {
            var field = invalid.problem() == InvalidAutoRecharge.Problem.THRESHOLD ? threshold : ceiling;
            field.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
            field.setInvalid(true);
        }
        catch (InvalidTopUp invalid) {
            amount.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
            amount.setInvalid(true);
        }
    }

    private static Money money(BigDecimalField field) {
        return AddCredit.cents(field.getValue());
    }

    private static BigDecimal dollars(Money money) {
        return BigDecimal.valueOf(money.cents(), 2);
    }
}
