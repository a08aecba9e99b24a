package com.mobayilo.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

/**
 * A grid that shows each row as one card on narrow screens: a grid's columns cannot reflow, so below
 * {@link #NARROW} pixels its columns hide and a single card column shows instead, and back when the window widens
 * (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
 */
public final class GridCards {

    /** Below this window width, in CSS pixels, rows are cards; the same breakpoint as styles.css. */
    public static final int NARROW = 600;

    private GridCards() {
    }

    /** Adds the card column to {@code grid}: call it after the grid's other columns. */
    public static <T> void whenNarrow(Grid<T> grid, Function<T, Component> card) {
        var columns = List.copyOf(grid.getColumns());
        var cards = grid.addComponentColumn(card::apply).setHeader(grid.getAriaLabel()
                .or(() -> Optional.ofNullable(grid.getElement().getAttribute("aria-label"))).orElse("")).setFlexGrow(1);
        cards.setVisible(false);
        // A grid whose cells already wrap keeps wrapping when wide: French text is longer and must not be cut short.
        var wrapsWhenWide = grid.getThemeNames().contains(GridVariant.LUMO_WRAP_CELL_CONTENT.getVariantName());
        grid.addAttachListener(attach -> {
            var ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(grid, columns, cards, details.getWindowInnerWidth() < NARROW, wrapsWhenWide));
            Registration resized = ui.getPage().addBrowserWindowResizeListener(
                    event -> show(grid, columns, cards, event.getWidth() < NARROW, wrapsWhenWide));
            grid.addDetachListener(detach -> {
                resized.remove();
                detach.unregisterListener();
            });
        });
    }

    private static <T> void show(Grid<T> grid, List<Grid.Column<T>> columns, Grid.Column<T> cards, boolean narrow, boolean wrapsWhenWide) {
        columns.forEach(column -> column.setVisible(!narrow));
        cards.setVisible(narrow);
        if (narrow || wrapsWhenWide) {
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        }
        else {
            grid.removeThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        }
    }

    /** A card: a title line (with something at its end, such as an amount) and smaller lines under it. */
    public static Div card(String title, String end, String... lines) {
        var head = new Div(new Span(title), new Span(end));
        head.addClassName("grid-card-title");
        var card = new Div(head);
        for (var line : lines) {
            if (line != null && !line.isBlank()) {
                var text = new Div(line);
                text.addClassName("grid-card-line");
                card.add(text);
            }
        }
        card.addClassName("grid-card");
        return card;
    }
}
