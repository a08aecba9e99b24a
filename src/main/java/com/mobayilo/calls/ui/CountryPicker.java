package com.mobayilo.calls.ui;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.ui.CountryItems;
import com.vaadin.flow.component.combobox.ComboBox;

/**
 * The country a number without a calling code belongs to: flag, common name and calling code, searchable by
 * name, ISO code or calling code ("fra", "CD", "+243"), in the person's language.
 */
class CountryPicker extends ComboBox<CountryCode> {

    CountryPicker(String label, Locale locale) {
        super(label);
        var collator = Collator.getInstance(locale);
        var countries = Arrays.stream(Locale.getISOCountries())
                .filter(CountryCode::isKnown)
                .map(CountryCode::of)
                .filter(country -> PhoneNumber.callingCodeOf(country) > 0)
                .sorted(Comparator.comparing((CountryCode country) -> country.displayName(locale), collator))
                .toList();
        CountryItems.offer(this, countries, Function.identity(), locale, PhoneNumber::callingCodeOf);
        setItemLabelGenerator(country -> country.displayName(locale) + " (+" + PhoneNumber.callingCodeOf(country) + ")");
    }
}
