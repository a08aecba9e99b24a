package com.mobayilo.accounts;

/**
 * What a signed-in person is to Mobayilo; decides what they may see and do. Seats and company admins belong to
 * a company and call on its wallet; admins also fund it and manage its seats.
 */
public enum Role {
    INDIVIDUAL, SEAT, COMPANY_ADMIN, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isCompanyMember() {
        return this == SEAT || this == COMPANY_ADMIN;
    }
}
