package com.mobayilo.ui;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import com.vaadin.flow.component.combobox.ComboBox;

/** Picks a country by its name in the user's language; the value is its ISO 3166 code. */
public class CountryField extends ComboBox<String> {

    public CountryField(String label, Locale locale) {
        super(label);
        var collator = Collator.getInstance(locale);
        setItems(Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing((String code) -> name(code, locale), collator))
                .toList());
        setItemLabelGenerator(code -> name(code, locale));
        setAllowCustomValue(false);
    }

    public static String name(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }

    /** The country a browser's language tag implies (fr-BE gives BE), if any. */
    public static String guess(Locale browser) {
        var country = browser == null ? "" : browser.getCountry();
        return Arrays.asList(Locale.getISOCountries()).contains(country) ? country : null;
    }
}
