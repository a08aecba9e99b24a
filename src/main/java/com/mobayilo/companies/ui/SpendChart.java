package com.mobayilo.companies.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.mobayilo.companies.CompanyReports.DayUsage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * Spend per day as a Chart.js bar chart ({@code mobayilo-spend-chart.ts}); its figures are also given in words,
 * which screen readers read instead of the canvas.
 */
@Tag("mobayilo-spend-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./mobayilo-spend-chart.ts")
class SpendChart extends Component {

    SpendChart() {
        setId("spend-chart");
    }

    void show(List<DayUsage> days, Locale locale) {
        var format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        getElement().setPropertyList("days", days.stream().map(day -> new Bar(format.format(day.day()), day.usage().cost().cents())).toList());
        getElement().setProperty("locale", locale.toLanguageTag());
        var summary = days.isEmpty() ? getTranslation("company.reports.chart.empty")
                : getTranslation("company.reports.chart.summary",
                        days.stream().map(day -> format.format(day.day()) + " " + day.usage().cost().format(locale)).collect(Collectors.joining(", ")));
        getElement().setProperty("summary", summary);
    }

    /** One bar as the element reads it. */
    public record Bar(String label, long cents) {
    }
}
