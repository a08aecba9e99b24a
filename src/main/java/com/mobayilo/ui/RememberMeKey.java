package com.mobayilo.ui;

import java.util.UUID;

/**
 * Marks the authentications that a remembered sign-in makes, for Spring Security's remember-me provider in
 * {@link UiSecurity}. It never leaves the process, so a new one at each start is enough
 * (docs/decisions/0038-sign-ins-that-survive-a-replica.md).
 */
public final class RememberMeKey {

    public static final String VALUE = UUID.randomUUID().toString();

    private RememberMeKey() {
    }
}
