package com.mobayilo.rating.ui;

import java.util.List;
import java.util.function.Consumer;

import com.mobayilo.rating.DeckChanges;
import com.mobayilo.rating.DeckUpload;
import com.mobayilo.rating.LineError;
import com.mobayilo.rating.Rate;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** The result of checking an uploaded deck: its bad lines, or what applying it would change, with the button to do it. */
class DeckPreview extends Div {

    private static final int SHOWN = 100;

    private final Consumer<DeckUpload> apply;

    DeckPreview(Consumer<DeckUpload> apply) {
        this.apply = apply;
        addClassName("settings-section");
        setId("deck-preview");
        setVisible(false);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }

    void showErrors(List<LineError> errors) {
        removeAll();
        var grid = new Grid<LineError>();
        grid.addColumn(LineError::line).setHeader(getTranslation("deck.errors.line")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(error -> getTranslation(error.messageKey(), error.arguments())).setHeader(getTranslation("deck.errors.problem")).setFlexGrow(1);
        grid.setItems(errors);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("deck.errors"));
        add(new H2(getTranslation("deck.errors")), new Paragraph(getTranslation("deck.errors.nothing")), grid);
        setVisible(true);
    }

    void showChanges(DeckUpload upload, DeckChanges changes) {
        removeAll();
        add(new H2(getTranslation("deck.preview")), new Paragraph(getTranslation("deck.preview.summary", changes.added().size(),
                changes.changed().size(), changes.removed().size(), changes.unchanged())));
        section("deck.preview.added", changes.added());
        section("deck.preview.changed", changes.changed().stream().map(DeckChanges.Change::after).toList());
        section("deck.preview.removed", changes.removed());
        var applyButton = new Button(getTranslation("deck.apply"), event -> apply.accept(upload));
        applyButton.addThemeVariants(ButtonVariant.PRIMARY);
        applyButton.setEnabled(!changes.isEmpty());
        add(applyButton);
        setVisible(true);
    }

    private void section(String titleKey, List<Rate> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var grid = new Grid<Rate>();
        grid.addColumn(rate -> "+" + rate.prefix()).setHeader(getTranslation("deck.column.prefix")).setAutoWidth(true);
        grid.addColumn(Rate::description).setHeader(getTranslation("deck.column.description")).setFlexGrow(2);
        grid.addColumn(rate -> getTranslation("rates.perminute", rate.perMinute().cents(), rate.perMinute().format(getLocale())))
                .setHeader(getTranslation("deck.column.rate")).setAutoWidth(true);
        grid.setItems(rows.stream().limit(SHOWN).toList());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation(titleKey, rows.size()));
        add(new H3(getTranslation(titleKey, rows.size())), grid);
        if (rows.size() > SHOWN) {
            add(new Paragraph(getTranslation("deck.preview.more", rows.size() - SHOWN)));
        }
    }
}
