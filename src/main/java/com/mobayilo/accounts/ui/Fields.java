package com.mobayilo.accounts.ui;

import java.util.Map;
import java.util.function.Supplier;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.PasswordPolicy;
import com.mobayilo.accounts.WeakPassword;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

/** Shared form rules: domain checks as Binder validators, and refusals shown under the field they concern. */
final class Fields {

    private Fields() {
    }

    /** An email field whose own browser-side checks speak the same words as the server's. */
    static EmailField email(Component owner, String labelKey) {
        var field = new EmailField(owner.getTranslation(labelKey));
        field.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(owner.getTranslation("accounts.email.invalid"))
                .setRequiredErrorMessage(owner.getTranslation("signup.email.required")));
        field.setAutocomplete(Autocomplete.EMAIL);
        return field;
    }

    /** The password rules, including "not the email" once {@code email} holds a valid address. */
    static Validator<String> newPassword(Component owner, Supplier<String> email) {
        return (value, context) -> {
            try {
                PasswordPolicy.check(value, EmailAddress.isValid(email.get()) ? EmailAddress.of(email.get()) : null);
                return ValidationResult.ok();
            }
            catch (WeakPassword weak) {
                return ValidationResult.error(owner.getTranslation(weak.messageKey(), weak.arguments()));
            }
        };
    }

    /** Shows the refusal under its field; answers false if it concerns no field on this form. */
    static boolean showOnField(AccountRefusal refusal, Map<String, ? extends HasValidation> fields, Component owner) {
        var field = refusal.field().map(fields::get);
        if (field.isEmpty()) {
            return false;
        }
        field.get().setErrorMessage(owner.getTranslation(refusal.messageKey(), refusal.arguments()));
        field.get().setInvalid(true);
        return true;
    }
}
