package com.mobayilo.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country, such as {@code CD} or {@code FR}. */
public record CountryCode(String value) {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || !KNOWN.contains(value)) {
            throw new IllegalArgumentException("Not an ISO 3166 country code: " + value);
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value == null ? null : value.strip().toUpperCase(Locale.ROOT));
    }

    public static boolean isKnown(String value) {
        return value != null && KNOWN.contains(value.strip().toUpperCase(Locale.ROOT));
    }

    public String displayName(Locale locale) {
        return Locale.of("", value).getDisplayCountry(locale);
    }

    /** The flag emoji: the two regional-indicator letters of the ISO code. */
    public String flag() {
        return value.codePoints().map(letter -> 0x1F1E6 + letter - 'A')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
