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

    private static final String MAKE_STATUS = """
            const indicator = document.querySelector('vaadin-connection-indicator');
            if (indicator) { indicator.setAttribute('role', 'status'); }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs(MAKE_STATUS));
    }
}
