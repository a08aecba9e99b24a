package com.mobayilo.calls.ui;

import java.text.NumberFormat;

import com.mobayilo.calls.CallRatings;
import com.mobayilo.calls.DestinationQuality;
import com.mobayilo.calls.RatingIssue;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Call quality per destination country, for operators (docs/decisions/0026-call-quality.md): how callers rated their
 * calls, what went wrong, and how many calls the network dropped.
 */
@Route("operator/call-quality")
@Menu(title = "nav.operator.callquality", order = 93, icon = "vaadin:signal")
@RolesAllowed("OPERATOR")
class OperatorCallQualityView extends VerticalLayout implements HasDynamicTitle {

    OperatorCallQualityView(CallRatings ratings) {
        addClassName("page");
        var rows = ratings.byDestination().collectList().block(UiWait.LIMIT);
        var grid = new Grid<DestinationQuality>();
        grid.setId("call-quality-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(row -> row.country().displayName(getLocale())).setHeader(getTranslation("callquality.country")).setFlexGrow(2);
        grid.addColumn(row -> row.ratings()).setHeader(getTranslation("callquality.ratings"));
        grid.addColumn(this::average).setHeader(getTranslation("callquality.average"));
        grid.addColumn(this::issues).setHeader(getTranslation("callquality.issues")).setFlexGrow(3);
        grid.addColumn(row -> row.drops()).setHeader(getTranslation("callquality.drops"));
        grid.setItems(rows);
        add(new H1(getTranslation("callquality.title")), new Paragraph(getTranslation("callquality.help")));
        add(rows.isEmpty() ? new Paragraph(getTranslation("callquality.none")) : grid);
    }

    private String average(DestinationQuality row) {
        if (row.ratings() == 0) {
            return "—";
        }
        var format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return getTranslation("callquality.average.value", format.format(row.averageScore()));
    }

    /** "Choppy audio 2 · Echo 1", the issues heard at least once. */
    private String issues(DestinationQuality row) {
        var text = new StringBuilder();
        for (var issue : RatingIssue.values()) {
            var count = row.issues().getOrDefault(issue, 0L);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : " · ").append(getTranslation("callrating.issue." + issue.stored())).append(' ').append(count);
            }
        }
        return text.isEmpty() ? "—" : text.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("callquality.page.title");
    }
}
