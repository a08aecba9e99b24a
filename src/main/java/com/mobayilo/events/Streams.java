package com.mobayilo.events;

import java.util.UUID;

/** Names of event streams. A subscriber sees the streams its principal is allowed to follow. */
public final class Streams {

    /** Instance-wide notices, such as "the rate deck changed"; followed by services, never by users. */
    public static final String SYSTEM = "system";

    private Streams() {
    }

    public static String wallet(UUID walletId) {
        return "wallet:" + walletId;
    }

    public static String user(UUID userId) {
        return "user:" + userId;
    }

    public static String company(UUID companyId) {
        return "company:" + companyId;
    }
}
