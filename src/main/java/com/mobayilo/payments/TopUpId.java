package com.mobayilo.payments;

import java.util.UUID;

public record TopUpId(UUID value) {

    public static TopUpId random() {
        return new TopUpId(UUID.randomUUID());
    }

    public static TopUpId parse(String text) {
        return new TopUpId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
