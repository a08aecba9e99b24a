package com.mobayilo.wallet;

import java.util.UUID;

public record WalletId(UUID value) {

    public WalletId {
        if (value == null) {
            throw new IllegalArgumentException("A wallet id is required");
        }
    }

    public static WalletId newId() {
        return new WalletId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
