package com.mobayilo.ui;

import java.util.Arrays;
import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/** A new UI speaks the language chosen earlier in this browser, if any; otherwise the browser's. */
@Component
class LanguageCookie implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> chosen(VaadinRequest.getCurrent()).ifPresent(locale -> {
            init.getUI().getSession().setLocale(locale);
            init.getUI().setLocale(locale);
        }));
    }

    private static java.util.Optional<Locale> chosen(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return java.util.Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> LanguageSwitch.COOKIE.equals(cookie.getName()))
                .map(cookie -> Locale.of(cookie.getValue()))
                .filter(locale -> Translations.LANGUAGES.stream().anyMatch(known -> known.getLanguage().equals(locale.getLanguage())))
                .findFirst();
    }
}
