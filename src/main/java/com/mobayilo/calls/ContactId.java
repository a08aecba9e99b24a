package com.mobayilo.calls;

import java.util.UUID;

public record ContactId(UUID value) {

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }
}
