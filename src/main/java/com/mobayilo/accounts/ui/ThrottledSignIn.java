package com.mobayilo.accounts.ui;

import org.springframework.security.core.AuthenticationException;

/** Spring Security's view of a throttled sign-in. */
final class ThrottledSignIn extends AuthenticationException {

    private final long minutes;

    ThrottledSignIn(long minutes) {
        super("Too many failed sign-in attempts");
        this.minutes = minutes;
    }

    long minutes() {
        return minutes;
    }
}
