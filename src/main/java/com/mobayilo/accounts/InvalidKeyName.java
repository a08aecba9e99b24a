package com.mobayilo.accounts;

public final class InvalidKeyName extends AccountRefusal {

    public InvalidKeyName() {
        super(Kind.INVALID_INPUT, "name", "accounts.apikey.name.invalid");
    }
}
