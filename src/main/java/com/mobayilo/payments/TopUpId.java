package com.mobayilo.payments;

import java.util.Optional;
import java.util.UUID;

public record TopUpId(UUID value) {

    public static TopUpId random() {
        return new TopUpId(UUID.randomUUID());
    }

    public static TopUpId parse(String text) {
        return new TopUpId(UUID.fromString(text));
    }

    /** The id {@code text} names, if it names one: for ids from outside (addresses, metadata). */
    public static Optional<TopUpId> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        }
        catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
