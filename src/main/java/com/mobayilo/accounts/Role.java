package com.mobayilo.accounts;

/** What a signed-in person is to Mobayilo; decides what they may see and do. */
public enum Role {
    INDIVIDUAL, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
