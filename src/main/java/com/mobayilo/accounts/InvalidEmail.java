package com.mobayilo.accounts;

public final class InvalidEmail extends AccountRefusal {

    public InvalidEmail() {
        super(Kind.INVALID_INPUT, "email", "accounts.email.invalid");
    }
}
