package com.mobayilo.wallet;

import java.util.UUID;

public record HoldId(UUID value) {

    public HoldId {
        if (value == null) {
            throw new IllegalArgumentException("A hold id is required");
        }
    }

    public static HoldId newId() {
        return new HoldId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
