package com.mobayilo.ui;

import java.util.Locale;

import com.mobayilo.shared.CountryCode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

/**
 * A country's flag as an SVG from the bundled flag-icons set, one small static file per country, fetched only
 * where a flag is shown; emoji flags render as two letters in boxes on Windows and many Android phones
 * (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
 */
public final class CountryFlag {

    private CountryFlag() {
    }

    /** The flag's address, relative to the app's base so it works under any route. */
    public static String source(CountryCode country) {
        return "flags/" + country.value().toLowerCase(Locale.ROOT) + ".svg";
    }

    /** The flag alone, named by the country for screen readers and when the image cannot load. */
    public static Image of(CountryCode country, Locale locale) {
        var flag = new Image(source(country), country.displayName(locale));
        flag.addClassName("country-flag");
        flag.getElement().setAttribute("loading", "lazy");
        flag.getElement().setAttribute("width", "24");
        flag.getElement().setAttribute("height", "18");
        return flag;
    }

    /** The flag followed by the country's name, as a destination is shown in lists and cards. */
    public static Component named(CountryCode country, Locale locale) {
        // the flag's alt text names the country once for screen readers; the written name is for the eye
        var name = new Span(country.displayName(locale));
        name.getElement().setAttribute("aria-hidden", "true");
        var named = new Span(of(country, locale), name);
        named.addClassName("country-named");
        return named;
    }
}
