package com.mobayilo.testing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * The words a person sees, read from the app's own translation bundles, so one browser test runs in English
 * and in French and finds elements by their visible labels.
 */
public record Texts(Locale locale, ResourceBundle bundle) {

    public static Texts of(String languageTag) {
        var locale = Locale.forLanguageTag(languageTag);
        var bundle = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of(locale.getLanguage()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(locale, bundle);
    }

    public String t(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** The message with each argument left open, for texts whose numbers the test does not control. */
    public Pattern pattern(String key) {
        var parts = bundle.getString(key).split("\\{\\d+}", -1);
        // Escaped by hand: the pattern also runs in the browser, where \\Q…\\E quoting does not exist.
        return Pattern.compile(Arrays.stream(parts).map(Texts::escape).collect(Collectors.joining(".+?")));
    }

    private static String escape(String literal) {
        return literal.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }
}
