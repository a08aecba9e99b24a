package com.mobayilo.calls.ui;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.calls.Call;
import com.mobayilo.calls.CallHistory;
import com.mobayilo.calls.CallPeriod;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.PeriodBar;
import com.mobayilo.ui.Csv;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Every call the person made, page by page, filtered by days in their time zone: where, when, how long, the
 * minutes billed and what it cost, with each call's billing explained and the whole period exportable as CSV.
 */
@Route("calls")
@Menu(title = "nav.calls", order = 15, icon = "vaadin:list")
@PermitAll
class CallHistoryView extends VerticalLayout implements HasDynamicTitle {

    private final CallHistory history;

    private final AccountPrincipal principal;

    private final ZoneId zone;

    private final Grid<Call> grid = new Grid<>();

    private final PeriodBar filters;

    /** Calls the network dropped, for their billing explanation (issue 17: call quality). */
    private final com.mobayilo.calls.DropProtection drops;

    CallHistoryView(CallHistory history, AuthenticationContext authentication, com.mobayilo.calls.DropProtection drops) {
        this.history = history;
        this.drops = drops;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.zone = ClientZone.of(UI.getCurrent());
        addClassName("page");
        this.filters = new PeriodBar(getTranslation("history.from"), getTranslation("history.to"), getTranslation("history.export"), "history-export", csv());
        filters.onChange(() -> grid.getDataProvider().refreshAll());
        columns(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(zone));
        grid.setItems(query -> history.page(principal.id(), period(), query.getOffset(), query.getLimit()).toStream(),
                query -> history.count(principal.id(), period()).block(UiWait.LIMIT).intValue());
        add(new H1(getTranslation("history.title")), filters, grid);
        setSizeFull();
    }

    private void columns(DateTimeFormatter time) {
        grid.setId("call-history");
        grid.addColumn(call -> time.format(call.createdAt())).setHeader(getTranslation("history.time")).setAutoWidth(true);
        grid.addComponentColumn(this::destination).setHeader(getTranslation("history.destination")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(call -> CallText.outcome(this, call)).setHeader(getTranslation("history.status")).setFlexGrow(2);
        grid.addColumn(call -> CallText.duration(call.durationSeconds())).setHeader(getTranslation("history.duration"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(call -> call.bill().billedMinutes()).setHeader(getTranslation("history.billed")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(call -> call.bill().cost().format(getLocale())).setHeader(getTranslation("history.cost")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addComponentColumn(this::explainButton).setHeader(getTranslation("history.details")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(call -> new BillingExplanation(call, drops.of(call.id()).blockOptional(UiWait.LIMIT))));
        grid.setDetailsVisibleOnClick(true);
        grid.setAriaLabel(getTranslation("history.title"));
        grid.setEmptyStateText(getTranslation("history.empty"));
        GridCards.whenNarrow(grid, call -> card(call, time));
    }

    /** A call on a phone: where and what it cost, then when, how it ended and how long; tap it for the billing. */
    private Div card(Call call, DateTimeFormatter time) {
        var place = call.country() == null ? "" : call.country().displayName(getLocale());
        return GridCards.card(CallText.destination(call), call.bill().cost().format(getLocale()),
                String.join(" · ", List.of(place, time.format(call.createdAt())).stream().filter(part -> !part.isBlank()).toList()),
                CallText.outcome(this, call),
                getTranslation("cards.call.length", CallText.duration(call.durationSeconds()), call.bill().billedMinutes()));
    }

    private Div destination(Call call) {
        var place = call.country() == null ? "" : call.country().displayName(getLocale());
        var cell = new Div(new Span(CallText.destination(call)), new Span(place));
        cell.addClassName("history-destination");
        return cell;
    }

    private Button explainButton(Call call) {
        var explain = new Button(AppIcon.INFO_CIRCLE_O.create(), event -> grid.setDetailsVisible(call, !grid.isDetailsVisible(call)));
        explain.addThemeVariants(ButtonVariant.TERTIARY);
        explain.getElement().setAttribute("aria-label", getTranslation("history.details.named", CallText.destination(call)));
        return explain;
    }

    private CallPeriod period() {
        return CallPeriod.of(filters.from(), filters.to(), zone);
    }

    /** The period's calls as CSV, read a page at a time; amounts in cents, times in UTC (ISO 8601). */
    private DownloadHandler csv() {
        var headers = Arrays.asList(getTranslation("history.time"), getTranslation("history.destination"), getTranslation("history.csv.country"),
                getTranslation("history.status"), getTranslation("history.csv.seconds"), getTranslation("history.billed"),
                getTranslation("history.csv.rate"), getTranslation("history.csv.cost"));
        return event -> {
            event.setFileName("mobayilo-calls.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write(Csv.row(headers));
                for (var call : history.all(principal.id(), period()).toIterable()) {
                    out.write(Csv.row(Arrays.asList(call.createdAt().toString(), call.destination(),
                            call.country() == null ? "" : call.country().value(),
                            call.refusal() == null ? call.status().name() : call.status().name() + ":" + call.refusal().name(),
                            Integer.toString(call.bill().durationSeconds()), Integer.toString(call.bill().billedMinutes()),
                            call.rate() == null ? "" : Long.toString(call.rate().cents()), Long.toString(call.bill().cost().cents()))));
                }
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.page.title");
    }
}
