package com.mobayilo.accounts;

/** A verification, reset or sign-in link that is unknown, already used or expired. */
public final class LinkNotValid extends AccountRefusal {

    public LinkNotValid() {
        super(Kind.INVALID_INPUT, null, "accounts.link.invalid");
    }
}
