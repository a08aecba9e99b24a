package com.mobayilo.companies;

import java.time.Instant;

import com.mobayilo.shared.CountryCode;

/** A business that buys credit once for all of its seats. Its billing country goes on receipts and is its seats' home. */
public record Company(CompanyId id, String name, CountryCode billingCountry, Instant createdAt) {

    static final int LONGEST_NAME = 100;

    public static Company found(String name, String billingCountry, Instant now) {
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > LONGEST_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new CompanyRefusal.InvalidCompanyName();
        }
        if (billingCountry == null || !CountryCode.isKnown(billingCountry)) {
            throw new CompanyRefusal.InvalidBillingCountry();
        }
        return new Company(CompanyId.newId(), clean, CountryCode.of(billingCountry), now);
    }
}
