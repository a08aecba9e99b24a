package com.mobayilo.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/** The bar above a period's figures: a from and a to date in the reader's language, and the period's CSV export. */
public class PeriodBar extends HorizontalLayout {

    private final DatePicker from = new DatePicker();

    private final DatePicker to = new DatePicker();

    public PeriodBar(String fromLabel, String toLabel, String exportText, String exportId, DownloadHandler export) {
        from.setLabel(fromLabel);
        to.setLabel(toLabel);
        LocalizedDates.localize(from, getLocale());
        LocalizedDates.localize(to, getLocale());
        var download = new Anchor(export, exportText);
        download.getElement().setAttribute("download", true);
        download.addComponentAsFirst(AppIcon.DOWNLOAD_ALT.create());
        download.addClassName("export-link");
        download.setId(exportId);
        add(from, to, download);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** Sets the period shown first; {@link #onChange} listeners added later are not told. */
    public void show(LocalDate first, LocalDate last) {
        from.setValue(first);
        to.setValue(last);
    }

    public void onChange(Runnable listener) {
        from.addValueChangeListener(event -> listener.run());
        to.addValueChangeListener(event -> listener.run());
    }

    /** The first day, or null for no lower bound. */
    public LocalDate from() {
        return from.getValue();
    }

    /** The last day, or null for no upper bound. */
    public LocalDate to() {
        return to.getValue();
    }
}
