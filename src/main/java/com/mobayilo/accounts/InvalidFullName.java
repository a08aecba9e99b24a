package com.mobayilo.accounts;

public final class InvalidFullName extends AccountRefusal {

    public InvalidFullName() {
        super(Kind.INVALID_INPUT, "fullName", "accounts.name.invalid");
    }
}
