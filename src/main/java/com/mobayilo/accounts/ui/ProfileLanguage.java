package com.mobayilo.accounts.ui;

import java.util.Locale;

import com.mobayilo.accounts.AccountSettings;
import com.mobayilo.ui.LanguagePreference;
import com.mobayilo.ui.UiWait;

import org.springframework.stereotype.Component;

/** Keeps the language a signed-in user picks on their profile, so mails follow it too. */
@Component
class ProfileLanguage implements LanguagePreference {

    private final CurrentAccount current;

    private final AccountSettings settings;

    ProfileLanguage(CurrentAccount current, AccountSettings settings) {
        this.current = current;
        this.settings = settings;
    }

    @Override
    public void remember(Locale locale) {
        current.user().ifPresent(user -> settings.updateProfile(user.id(), user.fullName(), user.homeCountry().value(), locale).block(UiWait.LIMIT));
    }
}
