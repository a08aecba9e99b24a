package com.mobayilo.wallet.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.mobayilo.ui.GridCards;
import com.mobayilo.wallet.Hold;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** Credit held right now, and what each hold is for. */
class HoldsList extends Div {

    private final Grid<Hold> grid = new Grid<>();

    private final Paragraph none = new Paragraph();

    HoldsList(ZoneId zone) {
        addClassName("wallet-section");
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        grid.addColumn(hold -> hold.reason().in(getLocale(), (key, locale, args) -> getTranslation(locale, key, args))).setHeader(getTranslation("wallet.holds.reason")).setFlexGrow(3);
        grid.addColumn(hold -> hold.amount().format(getLocale())).setHeader(getTranslation("wallet.holds.amount"));
        grid.addColumn(hold -> time.format(hold.expiresAt())).setHeader(getTranslation("wallet.holds.expires"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("wallet.holds"));
        GridCards.whenNarrow(grid, hold -> GridCards.card(hold.reason().in(getLocale(), (key, locale, args) -> getTranslation(locale, key, args)),
                hold.amount().format(getLocale()), getTranslation("cards.labelled", getTranslation("wallet.holds.expires"), time.format(hold.expiresAt()))));
        none.setText(getTranslation("wallet.holds.none"));
        add(new H2(getTranslation("wallet.holds")), none, grid);
    }

    void show(List<Hold> holds) {
        grid.setItems(holds);
        grid.setVisible(!holds.isEmpty());
        none.setVisible(holds.isEmpty());
    }
}
