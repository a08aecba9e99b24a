package com.mobayilo.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * Vaadin's loading bar and its "connection lost" notice live on {@code <body>}, outside every landmark. As a
 * status region, screen readers hear what it says about the connection, and nothing on the page sits outside
 * a landmark (docs/decisions/0028-checking-accessibility-and-french.md).
 */
@Component
class ConnectionIndicator implements VaadinServiceInitListener {

    // Its texts ("Online", "Connection lost", "Reconnecting…") are English by default: they follow the reader's language.
    private static final String MAKE_STATUS = """
            const indicator = document.querySelector('vaadin-connection-indicator');
            if (indicator) {
              indicator.setAttribute('role', 'status');
              indicator.onlineText = $0; indicator.offlineText = $1; indicator.reconnectingText = $2;
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            ui.getPage().executeJs(MAKE_STATUS, ui.getTranslation("connection.online"), ui.getTranslation("connection.offline"),
                    ui.getTranslation("connection.reconnecting"));
        });
    }
}
