package com.mobayilo.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country, such as {@code CD} or {@code FR}. */
public record CountryCode(String value) {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    /**
     * Names people use where CLDR's are diplomatic or technical: callers to Kinshasa say "DR Congo", not
     * "Congo - Kinshasa" (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
     */
    private static final Map<String, CommonName> COMMON = Map.of(
            "CD", new CommonName("DR Congo", "RD Congo"),
            "CG", new CommonName("Congo-Brazzaville", "Congo-Brazzaville"),
            "MM", new CommonName("Myanmar", "Myanmar"),
            "HK", new CommonName("Hong Kong", "Hong Kong"),
            "MO", new CommonName("Macao", "Macao"),
            "PS", new CommonName("Palestine", "Palestine"),
            "VC", new CommonName("Saint Vincent and the Grenadines", "Saint-Vincent-et-les-Grenadines"));

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

    /** The name people commonly use, in the reader's language ("DR Congo", "RD Congo", "Saint Lucia"). */
    public String displayName(Locale locale) {
        var french = Locale.FRENCH.getLanguage().equals(locale.getLanguage());
        var common = COMMON.get(value);
        if (common != null) {
            return french ? common.french() : common.english();
        }
        var name = officialName(locale);
        // CLDR's English abbreviates ("St. Lucia", "Trinidad & Tobago"); written out, they read as people write them.
        return french ? name : name.replace("St. ", "Saint ").replace(" & ", " and ");
    }

    /** CLDR's name, which people may still type when they search ("Congo - Kinshasa", "Birmanie"). */
    public String officialName(Locale locale) {
        return Locale.of("", value).getDisplayCountry(locale);
    }

    @Override
    public String toString() {
        return value;
    }

    private record CommonName(String english, String french) {
    }
}
