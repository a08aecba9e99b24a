package com.mobayilo.calls.ui;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.CountryCode;
import com.vaadin.flow.component.combobox.ComboBox;

/**
 * The country a number without a calling code belongs to: flag, name and calling code, searchable by any of
 * them ("fra", "33"), in the person's language.
 */
class CountryPicker extends ComboBox<CountryCode> {

    CountryPicker(String label, Locale locale) {
        super(label);
        var collator = Collator.getInstance(locale);
        setItems(Arrays.stream(Locale.getISOCountries())
                .filter(CountryCode::isKnown)
                .map(CountryCode::of)
                .filter(country -> PhoneNumber.callingCodeOf(country) > 0)
                .sorted(Comparator.comparing((CountryCode country) -> country.displayName(locale), collator))
                .toList());
        setItemLabelGenerator(country -> country.flag() + " " + country.displayName(locale) + " (+" + PhoneNumber.callingCodeOf(country) + ")");
        setAllowCustomValue(false);
        addClassName("country-picker");
    }
}
