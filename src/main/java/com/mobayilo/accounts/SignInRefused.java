package com.mobayilo.accounts;

/** Wrong email or password; deliberately does not say which. */
public final class SignInRefused extends AccountRefusal {

    public SignInRefused() {
        super(Kind.FORBIDDEN, null, "accounts.signin.refused");
    }
}
