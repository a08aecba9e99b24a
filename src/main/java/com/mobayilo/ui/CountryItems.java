package com.mobayilo.ui;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.mobayilo.shared.CountryCode;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * What every country picker shares: items with their flag, and a search by the start of the country's common or
 * official name (accents and case ignored), its ISO code ("CD") or its calling code ("+243", "33"). Typing
 * replaces the current choice instead of adding to it ("Fra" after "United States" is "Fra").
 */
public final class CountryItems {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-’'.()]+");

    private static final Pattern CALLING_CODE = Pattern.compile("\\+?\\d+");

    private CountryItems() {
    }

    /**
     * Fills {@code box} with {@code items}. {@code callingCode} gives a country's calling code, or 0 where the
     * picker has no use for one (a home country).
     */
    public static <T> void offer(ComboBox<T> box, Collection<T> items, Function<T, CountryCode> country, Locale locale,
            ToIntFunction<CountryCode> callingCode) {
        box.setItems((item, query) -> matches(country.apply(item), query, locale, callingCode.applyAsInt(country.apply(item))), items);
        // The flag's alt text names the country once for screen readers; the written name beside it is for the eye.
        box.setRenderer(LitRenderer.<T>of("""
                <div class="country-item"><img class="country-flag" src="${item.flag}" alt="${item.name}" width="24" height="18" \
                loading="lazy"><span class="country-item-name" aria-hidden="true">${item.name}</span> \
                <span class="country-item-code">${item.code}</span></div>""")
                .withProperty("flag", item -> CountryFlag.source(country.apply(item)))
                .withProperty("name", item -> country.apply(item).displayName(locale))
                .withProperty("code", item -> code(callingCode.applyAsInt(country.apply(item)))));
        // the whole choice is selected on focus, so what is typed replaces it
        box.getElement().setProperty("autoselect", true);
        box.setAllowCustomValue(false);
        box.addClassName("country-picker");
        box.addValueChangeListener(event -> showFlag(box, event.getValue() == null ? null : country.apply(event.getValue()), locale));
    }

    private static String code(int callingCode) {
        return callingCode > 0 ? "(+" + callingCode + ")" : "";
    }

    private static <T> void showFlag(ComboBox<T> box, CountryCode chosen, Locale locale) {
        box.setPrefixComponent(chosen == null ? null : CountryFlag.of(chosen, locale));
    }

    /** Whether {@code query} names {@code country}: see the class comment. */
    public static boolean matches(CountryCode country, String query, Locale locale, int callingCode) {
        var typed = normalise(query);
        if (typed.isEmpty()) {
            return true;
        }
        if (CALLING_CODE.matcher(typed.replace(" ", "")).matches()) {
            var digits = typed.replace(" ", "").replace("+", "");
            return callingCode > 0 && String.valueOf(callingCode).startsWith(digits);
        }
        if (typed.length() == 2 && typed.equals(country.value().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Stream.of(country.displayName(locale), country.officialName(locale)).map(CountryItems::normalise)
                .anyMatch(name -> name.startsWith(typed));
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        var bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
