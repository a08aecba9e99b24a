package com.mobayilo.accounts;

import java.time.Duration;

/** What a one-time link is for, and how long it stays good. */
public enum TokenPurpose {
    EMAIL_VERIFICATION(Duration.ofHours(24)),
    PASSWORD_RESET(Duration.ofMinutes(30)),
    SIGN_IN(Duration.ofMinutes(10)),
    /** The link in a company's invitation of a seat: it signs the seat in the first time. */
    SEAT_INVITATION(Duration.ofDays(3)),
    /** The link in a company's invitation of another admin: it lets them choose their password. */
    ADMIN_INVITATION(Duration.ofDays(3));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
