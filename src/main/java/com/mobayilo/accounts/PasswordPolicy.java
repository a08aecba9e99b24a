package com.mobayilo.accounts;

/** What a new password must be: long enough to resist guessing, and not the email it protects. */
public final class PasswordPolicy {

    public static final int SHORTEST = 10;

    public static final int LONGEST = 128;

    private PasswordPolicy() {
    }

    public static void check(String password, EmailAddress email) {
        if (password == null || password.length() < SHORTEST) {
            throw new WeakPassword("accounts.password.short", SHORTEST);
        }
        if (password.length() > LONGEST) {
            throw new WeakPassword("accounts.password.long", LONGEST);
        }
        if (email != null && password.strip().equalsIgnoreCase(email.value())) {
            throw new WeakPassword("accounts.password.email");
        }
    }
}
