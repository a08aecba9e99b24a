package com.mobayilo.ui;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.mobayilo.shared.CountryCode;
import com.vaadin.flow.component.combobox.ComboBox;

/**
 * Picks a country by its name in the user's language, with its flag, searchable by name or ISO code (see
 * {@link CountryItems}); the value is its ISO 3166 code.
 */
public class CountryField extends ComboBox<String> {

    public CountryField(String label, Locale locale) {
        super(label);
        CountryItems.offer(this, codesByName(locale), CountryCode::of, locale, country -> 0);
        setItemLabelGenerator(code -> name(code, locale));
    }

    /** Every ISO 3166 country code, in the alphabetical order of the countries' names in {@code locale}. */
    public static List<String> codesByName(Locale locale) {
        var collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing((String code) -> name(code, locale), collator))
                .toList();
    }

    /** The country's common name ("DR Congo"), see {@link CountryCode#displayName(Locale)}. */
    public static String name(String code, Locale locale) {
        return CountryCode.of(code).displayName(locale);
    }

    /** The country a browser's language tag implies (fr-BE gives BE), if any. */
    public static String guess(Locale browser) {
        var country = browser == null ? "" : browser.getCountry();
        return Arrays.asList(Locale.getISOCountries()).contains(country) ? country : null;
    }
}
