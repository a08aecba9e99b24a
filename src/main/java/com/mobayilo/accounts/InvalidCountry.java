package com.mobayilo.accounts;

public final class InvalidCountry extends AccountRefusal {

    public InvalidCountry() {
        super(Kind.INVALID_INPUT, "homeCountry", "accounts.country.invalid");
    }
}
