package com.mobayilo.accounts;

import java.time.Instant;
import java.util.UUID;

/** A personal API key as listed under Settings: never the key itself, only its prefix and its use. */
public record ApiKey(UUID id, UserId user, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
