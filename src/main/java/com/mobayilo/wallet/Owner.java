package com.mobayilo.wallet;

import java.util.UUID;

/** Who a customer wallet belongs to: an individual user or (later) a company. */
public record Owner(Type type, UUID id) {

    public enum Type {
        USER, COMPANY
    }

    public static Owner user(UUID id) {
        return new Owner(Type.USER, id);
    }

    public static Owner company(UUID id) {
        return new Owner(Type.COMPANY, id);
    }
}
