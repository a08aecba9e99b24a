package com.mobayilo.accounts;

public final class WrongCurrentPassword extends AccountRefusal {

    public WrongCurrentPassword() {
        super(Kind.FORBIDDEN, "currentPassword", "accounts.password.current.wrong");
    }
}
