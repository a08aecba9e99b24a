package com.mobayilo.accounts;

import java.util.Locale;

/** What a person types to create an individual account. */
public record SignUp(String email, String fullName, String password, String homeCountry, Locale locale) {
}
