package com.mobayilo.accounts.ui;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.mobayilo.accounts.AccountRefusal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.PasswordPolicy;
import com.mobayilo.accounts.WeakPassword;
import com.mobayilo.shared.DomainException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

/**
 * Shared form rules: domain checks as Binder validators, and refusals shown under the field they concern. Public
 * because company forms (companies.ui) ask for the same emails and passwords and must say the same words.
 */
public final class Fields {

    private Fields() {
    }

    /** An email field whose own browser-side checks speak the same words as the server's. */
    public static EmailField email(Component owner, String labelKey) {
        var field = new EmailField(owner.getTranslation(labelKey));
        field.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(owner.getTranslation("accounts.email.invalid"))
                .setRequiredErrorMessage(owner.getTranslation("signup.email.required")));
        field.setAutocomplete(Autocomplete.EMAIL);
        return field;
    }

    /** The password rules, including "not the email" once {@code email} holds a valid address. */
    public static Validator<String> newPassword(Component owner, Supplier<String> email) {
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
    public static boolean showOnField(AccountRefusal refusal, Map<String, ? extends HasValidation> fields, Component owner) {
        return showOnField(refusal.field(), refusal, fields, owner);
    }

    /** The same for any feature's refusal that names its field. */
    public static boolean showOnField(Optional<String> fieldName, DomainException refusal, Map<String, ? extends HasValidation> fields,
            Component owner) {
        var field = fieldName.map(fields::get);
        if (field.isEmpty()) {
            return false;
        }
        field.get().setErrorMessage(owner.getTranslation(refusal.messageKey(), refusal.arguments()));
        field.get().setInvalid(true);
        return true;
    }
}
