package com.mobayilo.companies;

import java.util.UUID;

public record CompanyId(UUID value) {

    public CompanyId {
        if (value == null) {
            throw new IllegalArgumentException("A company id is required");
        }
    }

    public static CompanyId newId() {
        return new CompanyId(UUID.randomUUID());
    }
}
