package com.mobayilo.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell. Push carries live updates to the browser over a WebSocket; requests from the browser go
 * over XHR, so that cookie changes such as a new session id after sign-in reach the browser. The app installs on
 * a phone's home screen (Vaadin's manifest and service worker); without a connection it shows a page saying calls
 * need one (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "color-scheme", content = "light")
@PWA(name = "Mobayilo", shortName = "Mobayilo", description = "Prepaid international calls from your browser",
        iconPath = "icons/icon.png", themeColor = "#1a56db", backgroundColor = "#f5f7fb", display = "standalone",
        offlinePath = "offline.html")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Mobayilo");
        settings.addFavIcon("icon", "assets/mobayilo.svg", "any");
    }
}
