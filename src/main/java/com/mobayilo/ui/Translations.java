package com.mobayilo.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations come from the same bundles as the core's problem details and the mails
 * ({@code vaadin-i18n/translations*.properties}), through Spring's message source. English comes first, so
 * a browser asking for neither English nor French gets English (docs/decisions/0007-one-set-of-translations.md).
 */
@Component
class Translations implements I18NProvider {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final MessageSource messages;

    Translations(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, key, locale);
    }
}
