package com.mobayilo.companies.ui;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.calls.CallPeriod;
import com.mobayilo.companies.CompanyId;
import com.mobayilo.companies.CompanyReports;
import com.mobayilo.companies.CompanyReports.CountryUsage;
import com.mobayilo.companies.CompanyReports.DayUsage;
import com.mobayilo.companies.CompanyReports.SeatUsage;
import com.mobayilo.companies.CompanyReports.Usage;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.CountryFlag;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.PeriodBar;
import com.mobayilo.ui.Csv;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The company's usage over a period of days in the admin's time zone (this month unless they choose): totals,
 * spend per day as a chart, then by member, by day and by destination, and every call of the period as CSV.
 */
@Route("company/reports")
@Menu(title = "nav.company.reports", order = 42, icon = "vaadin:chart")
@RolesAllowed("COMPANY_ADMIN")
class CompanyReportsView extends VerticalLayout implements HasDynamicTitle {

    private final CompanyReports reports;

    private final CompanyId company;

    private final ZoneId zone;

    private final PeriodBar filters;

    private final Paragraph totals = new Paragraph();

    private final SpendChart chart = new SpendChart();

    private final Grid<SeatUsage> bySeat = new Grid<>();

    private final Grid<DayUsage> byDay = new Grid<>();

    private final Grid<CountryUsage> byCountry = new Grid<>();

    CompanyReportsView(CompanyReports reports, AuthenticationContext authentication) {
        this.reports = reports;
        var principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.company = new CompanyId(principal.company().orElseThrow());
        this.zone = ClientZone.of(UI.getCurrent());
        addClassName("page");
        addClassName("company-reports");
        this.filters = new PeriodBar(getTranslation("company.reports.from"), getTranslation("company.reports.to"),
                getTranslation("company.reports.export"), "report-export", csv());
        totals.addClassName("report-totals");
        totals.setId("report-totals");
        var days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        bySeat.addColumn(SeatUsage::name).setHeader(getTranslation("company.reports.seat")).setFlexGrow(2);
        bySeat.addColumn(SeatUsage::email).setHeader(getTranslation("company.reports.email")).setFlexGrow(2);
        usageColumns(bySeat, SeatUsage::usage);
        byDay.addColumn(day -> days.format(day.day())).setHeader(getTranslation("company.reports.day")).setFlexGrow(2);
        usageColumns(byDay, DayUsage::usage);
        byCountry.addComponentColumn(this::destination).setHeader(getTranslation("company.reports.country")).setFlexGrow(2);
        usageColumns(byCountry, CountryUsage::usage);
        add(new H1(getTranslation("company.reports.title")), filters, totals,
                section("company.reports.chart", chart), section("company.reports.bySeat", grid(bySeat, "report-by-seat")),
                section("company.reports.byDay", grid(byDay, "report-by-day")),
                section("company.reports.byCountry", grid(byCountry, "report-by-country")));
        // After the sections: a card column takes its header from the grid's accessible name, which they set.
        cards(bySeat, SeatUsage::name, SeatUsage::usage, SeatUsage::email);
        cards(byDay, day -> days.format(day.day()), DayUsage::usage, day -> "");
        cards(byCountry, this::destinationName, CountryUsage::usage, row -> "");
        var today = LocalDate.now(zone);
        filters.show(today.withDayOfMonth(1), today);
        filters.onChange(this::refresh);
        refresh();
    }

    private <T> void usageColumns(Grid<T> grid, Function<T, Usage> usage) {
        grid.addColumn(row -> usage.apply(row).calls()).setHeader(getTranslation("company.reports.calls")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(row -> usage.apply(row).answered()).setHeader(getTranslation("company.reports.answered"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(row -> usage.apply(row).minutes()).setHeader(getTranslation("company.reports.minutes"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(row -> usage.apply(row).cost().format(getLocale())).setHeader(getTranslation("company.reports.cost"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    /** On a phone the five columns cannot fit in French or English: each row is a card, its cost at the end. */
    private <T> void cards(Grid<T> grid, Function<T, String> title, Function<T, Usage> usage, Function<T, String> detail) {
        GridCards.whenNarrow(grid, row -> {
            var counts = usage.apply(row);
            var line = String.join(" · ", getTranslation("cards.labelled", getTranslation("company.reports.calls"), counts.calls()),
                    getTranslation("cards.labelled", getTranslation("company.reports.answered"), counts.answered()),
                    getTranslation("cards.labelled", getTranslation("company.reports.minutes"), counts.minutes()));
            return GridCards.card(title.apply(row), counts.cost().format(getLocale()), detail.apply(row), line);
        });
    }

    private <T> Grid<T> grid(Grid<T> grid, String id) {
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("company.reports.empty"));
        return grid;
    }

    private Div section(String titleKey, com.vaadin.flow.component.Component content) {
        var title = new H2(getTranslation(titleKey));
        var section = new Div(title, content);
        section.addClassName("report-section");
        if (content instanceof Grid<?> grid) {
            grid.setAriaLabel(title.getText());
        }
        return section;
    }

    private String destinationName(CountryUsage row) {
        return row.country().map(country -> country.displayName(getLocale())).orElseGet(() -> getTranslation("company.reports.otherNumbers"));
    }

    private com.vaadin.flow.component.Component destination(CountryUsage row) {
        return row.country().map(country -> CountryFlag.named(country, getLocale()))
                .orElseGet(() -> new Span(getTranslation("company.reports.otherNumbers")));
    }

    private CallPeriod period() {
        return CallPeriod.of(filters.from(), filters.to(), zone);
    }

    private void refresh() {
        var period = period();
        var seats = reports.bySeat(company, period).block(UiWait.LIMIT);
        var daily = reports.byDay(company, period, zone).block(UiWait.LIMIT);
        bySeat.setItems(seats);
        byDay.setItems(daily);
        byCountry.setItems(reports.byCountry(company, period).block(UiWait.LIMIT));
        chart.show(daily, getLocale());
        var total = seats.stream().map(SeatUsage::usage).reduce(Usage.NONE, Usage::plus);
        totals.setText(getTranslation("company.reports.totals", total.calls(), total.answered(), total.minutes(), total.cost().format(getLocale())));
    }

    /** The period's calls as CSV, refused ones included: times in UTC (ISO 8601), amounts in cents, numbers masked. */
    private DownloadHandler csv() {
        var headers = List.of("time", "seatName", "seatEmail", "country", "number", "status", "seconds", "billed", "rate", "cost").stream()
                .map(column -> getTranslation("company.reports.csv." + column)).toList();
        return event -> {
            event.setFileName("mobayilo-company-calls.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write(Csv.row(headers));
                for (var call : reports.calls(company, period()).toIterable()) {
                    out.write(Csv.row(List.of(call.createdAt().toString(), call.seatName(), call.seatEmail(),
                            call.country().map(Object::toString).orElse(""), call.maskedNumber(),
                            call.refusal().map(refusal -> call.status() + ":" + refusal).orElse(call.status()),
                            Integer.toString(call.durationSeconds()), Integer.toString(call.billedMinutes()),
                            call.rate().map(rate -> Long.toString(rate.cents())).orElse(""), Long.toString(call.cost().cents()))));
                }
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("company.reports.page.title");
    }
}
