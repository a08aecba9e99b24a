package com.mobayilo.testing;

import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;

/** People for tests, made through the real sign-up. */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";

    private TestUsers() {
    }

    public static User individual(TestApp app, String language) {
        var locale = Locale.forLanguageTag(language);
        return app.bean(Registration.class).signUp(new SignUp(email(), "Amani Kabila", PASSWORD, "CD", locale)).block();
    }

    public static String email() {
        return "person-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
    }
}
