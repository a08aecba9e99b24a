package com.mobayilo.ui;

import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;


/**
 * Switches between English and French. The choice is kept in a cookie so it outlives the session, and
 * handed to {@code remember} (for a signed-in user, every {@link LanguagePreference}).
 */
public final class LanguageSwitch {

    static final String COOKIE = "mobayilo_lang";

    private LanguageSwitch() {
    }

    /** A button offering the other language, labelled in that language. */
    public static Button toggle(Locale current, Consumer<Locale> remember) {
        var other = Locale.FRENCH.getLanguage().equals(current.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        var button = new Button(nameOf(other), event -> use(other, remember));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getElement().setAttribute("lang", other.getLanguage());
        button.getElement().setAttribute("aria-label", nameOf(other));
        button.addClassName("language-switch");
        return button;
    }

    /** A language's name in itself, capitalised as a menu item: "English", "Français". */
    public static String nameOf(Locale locale) {
        var name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public static void use(Locale locale, Consumer<Locale> remember) {
        VaadinSession.getCurrent().setLocale(locale);
        if (VaadinService.getCurrentResponse() instanceof VaadinServletResponse response) {
            var cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            // A preference, not a credential, so it may last a year; no script reads it, and it rides only on
            // HTTPS once the page came over HTTPS.
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setSecure(VaadinService.getCurrentRequest().isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        remember.accept(locale);
        UI.getCurrent().getPage().reload();
    }
}
