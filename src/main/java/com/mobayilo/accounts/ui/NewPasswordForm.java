package com.mobayilo.accounts.ui;

import java.util.Map;
import java.util.Optional;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.PasswordPolicy;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;

/**
 * A new password typed twice, with the password rules checked as you go. Shared by the reset page and the
 * company admin's invitation, so both ask in the same words.
 */
public class NewPasswordForm extends FormLayout {

    private final PasswordField password = new PasswordField();

    private final PasswordField confirmation = new PasswordField();

    private final Binder<String[]> binder = new Binder<>();

    public NewPasswordForm() {
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("signup.password.helper", PasswordPolicy.SHORTEST));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setLabel(getTranslation("reset.confirm"));
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        binder.forField(password).asRequired(getTranslation("signup.password.required"))
                .withValidator(Fields.newPassword(this, () -> null))
                .bind(values -> values[0], (values, value) -> values[0] = value);
        binder.forField(confirmation).asRequired(getTranslation("reset.confirm.required"))
                .withValidator(value -> value.equals(password.getValue()), getTranslation("reset.confirm.mismatch"))
                .bind(values -> values[1], (values, value) -> values[1] = value);
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(password, confirmation);
    }

    /** The new password, or empty (with the problems shown) if it breaks a rule or the two differ. */
    public Optional<String> value() {
        var values = new String[2];
        return binder.writeBeanIfValid(values) ? Optional.of(values[0]) : Optional.empty();
    }

    /** Shows a refusal about the password under it; answers false if it is about something else. */
    public boolean show(AccountRefusal refusal) {
        return Fields.showOnField(refusal, Map.of("password", password), this);
    }
}
