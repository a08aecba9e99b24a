package com.mobayilo.companies.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.ui.Fields;
import com.mobayilo.companies.CompanyRefusal;
import com.mobayilo.companies.Seat;
import com.mobayilo.companies.SeatSettings;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.CountryField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Inviting someone, or changing a member's limits: the same form, with who they are fixed when editing. A
 * refused form stays open with everything typed kept and the problem under its field.
 */
class SeatDialog extends Dialog {

    /** What the dialog asks the page to do with the form; it throws a refusal if the company says no. */
    interface Action {
        void apply(String email, String name, Role role, SeatSettings settings);
    }

    private final EmailField email;

    private final TextField name = new TextField();

    private final RadioButtonGroup<Role> role = new RadioButtonGroup<>();

    private final Select<String> callerId = new Select<>();

    private final NumberField dailyCap = new NumberField();

    private final NumberField monthlyCap = new NumberField();

    private final MultiSelectComboBox<String> countries = new MultiSelectComboBox<>();

    private final IntegerField concurrent = new IntegerField();

    private final Action action;

    private SeatDialog(String submitKey, List<String> callerIds, Action action) {
        this.action = action;
        email = Fields.email(this, "seats.field.email");
        name.setLabel(getTranslation("seats.field.name"));
        name.setMaxLength(100);
        role.setLabel(getTranslation("seats.field.role"));
        role.setItems(Role.SEAT, Role.COMPANY_ADMIN);
        role.setItemLabelGenerator(this::roleName);
        role.setValue(Role.SEAT);
        callerId.setLabel(getTranslation("seats.field.callerId"));
        callerId.setItems(callerIds);
        callerId.setEmptySelectionAllowed(true);
        callerId.setEmptySelectionCaption(getTranslation("seats.callerId.default"));
        capField(dailyCap, "seats.field.daily");
        capField(monthlyCap, "seats.field.monthly");
        countries.setLabel(getTranslation("seats.field.countries"));
        countries.setHelperText(getTranslation("seats.field.countries.helper"));
        countries.setItems(CountryField.codesByName(getLocale()));
        countries.setItemLabelGenerator(code -> CountryField.name(code, getLocale()));
        concurrent.setLabel(getTranslation("seats.field.concurrent"));
        concurrent.setHelperText(getTranslation("seats.field.concurrent.helper"));
        concurrent.setStepButtonsVisible(true);
        concurrent.setMin(1);
        concurrent.setMax(10);
        concurrent.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("company.seat.concurrent.invalid", 10))
                .setMaxErrorMessage(getTranslation("company.seat.concurrent.invalid", 10))
                .setBadInputErrorMessage(getTranslation("company.seat.concurrent.invalid", 10)));
        concurrent.setValue(1);
        var form = new FormLayout(email, name, role, callerId, dailyCap, monthlyCap, countries, concurrent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(countries, 2);
        add(form);
        var cancel = new Button(getTranslation("seats.cancel"), event -> close());
        var submit = new Button(getTranslation(submitKey), event -> submit());
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("seat-dialog-submit");
        getFooter().add(cancel, submit);
        setWidth("min(40em, 100vw)");
    }

    static SeatDialog invite(List<String> callerIds, Action action) {
        var dialog = new SeatDialog("seats.dialog.send", callerIds, action);
        dialog.setHeaderTitle(dialog.getTranslation("seats.dialog.invite.title"));
        return dialog;
    }

    static SeatDialog edit(Seat seat, List<String> callerIds, Action action) {
        var dialog = new SeatDialog("seats.dialog.save", callerIds, action);
        dialog.setHeaderTitle(dialog.getTranslation("seats.dialog.edit.title", seat.name()));
        dialog.fill(seat);
        return dialog;
    }

    private void fill(Seat seat) {
        var settings = seat.settings();
        email.setValue(seat.email());
        name.setValue(seat.name());
        role.setValue(seat.role());
        // Who they are is settled once they are invited; only their limits change here.
        email.setReadOnly(true);
        name.setReadOnly(true);
        role.setReadOnly(true);
        callerId.setValue(settings.callerId().orElse(null));
        dailyCap.setValue(settings.dailyCap().map(SeatDialog::dollars).orElse(null));
        monthlyCap.setValue(settings.monthlyCap().map(SeatDialog::dollars).orElse(null));
        countries.setValue(settings.countries().stream().map(CountryCode::value).collect(Collectors.toSet()));
        concurrent.setValue(settings.maxConcurrentCalls());
    }

    private void capField(NumberField field, String labelKey) {
        field.setLabel(getTranslation(labelKey));
        field.setHelperText(getTranslation("seats.field.cap.helper"));
        field.setPrefixComponent(new Span("$"));
        field.setStep(0.01);
        field.setI18n(new NumberField.NumberFieldI18n().setBadInputErrorMessage(getTranslation("company.seat.cap.invalid", 10_000)));
    }

    private void submit() {
        List.<HasValidation>of(email, name, dailyCap, monthlyCap, countries, concurrent).forEach(field -> field.setInvalid(false));
        if (!email.isReadOnly() && !EmailAddress.isValid(email.getValue())) {
            invalid(email, email.isEmpty() ? "signup.email.required" : "accounts.email.invalid");
            return;
        }
        if (!name.isReadOnly() && name.getValue().isBlank()) {
            invalid(name, "seats.name.required");
            return;
        }
        var fields = Map.<String, HasValidation>of("email", email, "fullName", name, "dailyCap", dailyCap, "monthlyCap", monthlyCap,
                "countries", countries, "maxConcurrentCalls", concurrent);
        try {
            var settings = SeatSettings.of(dailyCap.getValue(), monthlyCap.getValue(), Set.copyOf(countries.getValue()),
                    Optional.ofNullable(concurrent.getValue()).orElse(0), callerId.getValue());
            action.apply(email.getValue(), name.getValue().strip(), role.getValue(), settings);
            close();
        }
        catch (CompanyRefusal refusal) {
            show(refusal.field(), refusal, fields);
        }
        catch (AccountRefusal refusal) {
            show(refusal.field(), refusal, fields);
        }
    }

    private void show(Optional<String> field, DomainException refusal, Map<String, HasValidation> fields) {
        if (!Fields.showOnField(field, refusal, fields, this)) {
            Notification.show(getTranslation(refusal.messageKey(), refusal.arguments()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    private void invalid(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    String roleName(Role value) {
        return getTranslation(value == Role.COMPANY_ADMIN ? "seats.role.admin" : "seats.role.seat");
    }

    private static Double dollars(Money money) {
        return BigDecimal.valueOf(money.cents(), 2).doubleValue();
    }
}
