package com.mobayilo.ui;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.vaadin.flow.component.UI;

/** The browser's time zone, so times and day filters read as the person expects; UTC until it is known. */
public final class ClientZone {

    private ClientZone() {
    }

    public static ZoneId of(UI ui) {
        var details = ui.getPage().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        }
        catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
