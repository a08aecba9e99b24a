package com.mobayilo.accounts;

import java.util.Optional;

import com.mobayilo.shared.DomainException;

/**
 * Why an account action was refused. Where the refusal is about one form field, {@link #field()} names it,
 * so the UI can show it under that field.
 */
public abstract sealed class AccountRefusal extends DomainException
        permits InvalidEmail, EmailAlreadyRegistered, WeakPassword, InvalidFullName, InvalidCountry, LinkNotValid,
        SignInRefused, SignInThrottled, TooManyRequests, WrongCurrentPassword, InvalidKeyName {

    private final String field;

    protected AccountRefusal(Kind kind, String field, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
