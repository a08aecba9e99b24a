package com.mobayilo.accounts;

public final class WeakPassword extends AccountRefusal {

    public WeakPassword(String messageKey, Object... arguments) {
        super(Kind.INVALID_INPUT, "password", messageKey, arguments);
    }
}
