package com.mobayilo.ui;

import java.util.Locale;

/** Told when the person using this UI picks a language, so features can remember it. */
public interface LanguagePreference {

    void remember(Locale locale);
}
