package com.mobayilo.accounts;

public final class EmailAlreadyRegistered extends AccountRefusal {

    public EmailAlreadyRegistered() {
        super(Kind.CONFLICT, "email", "accounts.email.taken");
    }
}
