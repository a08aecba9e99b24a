package com.mobayilo.wallet.ui;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Supplier;

import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.Csv;
import com.mobayilo.ui.GridCards;
import com.mobayilo.ui.LocalizedDates;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.HistoryEntry;
import com.mobayilo.wallet.HistoryFilter;
import com.mobayilo.wallet.LedgerHistory;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/** The wallet's transactions: lazy-loaded, filtered by kind and dates, exportable as CSV. */
class HistoryGrid extends Div {

    private final LedgerHistory history;

    private final WalletId wallet;

    private final ZoneId zone;

    private final Grid<HistoryEntry> grid = new Grid<>();

    private final MultiSelectComboBox<TransactionKind> kinds = new MultiSelectComboBox<>();

    private final DatePicker from = new DatePicker();

    private final DatePicker to = new DatePicker();

    HistoryGrid(LedgerHistory history, WalletId wallet, ZoneId zone) {
        this.history = history;
        this.wallet = wallet;
        this.zone = zone;
        addClassName("wallet-section");
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        grid.addColumn(entry -> time.format(entry.at())).setHeader(getTranslation("wallet.history.date")).setAutoWidth(true);
        grid.addColumn(entry -> kindName(entry.kind())).setHeader(getTranslation("wallet.history.kind")).setAutoWidth(true);
        grid.addColumn(entry -> signed(entry)).setHeader(getTranslation("wallet.history.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(entry -> entry.balanceAfter().format(getLocale())).setHeader(getTranslation("wallet.history.balance"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(this::memo).setHeader(getTranslation("wallet.history.memo")).setFlexGrow(3);
        grid.setAriaLabel(getTranslation("wallet.history"));
        // A memo is a sentence ("Appel vers +243… : 2 min × 22 crédits"): it wraps rather than being cut short.
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("wallet.history.empty"));
        GridCards.whenNarrow(grid, entry -> GridCards.card(kindName(entry.kind()), signed(entry), time.format(entry.at()), memo(entry),
                getTranslation("cards.labelled", getTranslation("wallet.history.balance"), entry.balanceAfter().format(getLocale()))));
        grid.setItems(query -> history.page(wallet, filter(), query.getOffset(), query.getLimit()).toStream(),
                query -> history.count(wallet, filter()).block(UiWait.LIMIT).intValue());
        add(new H2(getTranslation("wallet.history")), filters(), grid);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout filters() {
        kinds.setLabel(getTranslation("wallet.history.filter.kind"));
        kinds.setItems(EnumSet.allOf(TransactionKind.class));
        kinds.setItemLabelGenerator(this::kindName);
        from.setLabel(getTranslation("wallet.history.filter.from"));
        to.setLabel(getTranslation("wallet.history.filter.to"));
        LocalizedDates.localize(from, getLocale());
        LocalizedDates.localize(to, getLocale());
        kinds.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());
        var export = new Anchor(csv(this::filter), getTranslation("wallet.history.export"));
        export.getElement().setAttribute("download", true);
        export.addComponentAsFirst(AppIcon.DOWNLOAD_ALT.create());
        export.addClassName("export-link");
        var bar = new HorizontalLayout(kinds, from, to, export);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private HistoryFilter filter() {
        return new HistoryFilter(kinds.getSelectedItems(), from.getValue(), to.getValue(), zone);
    }

    /** Streams the whole filtered history as CSV, page by page, straight to the browser. */
    private DownloadHandler csv(Supplier<HistoryFilter> currentFilter) {
        var headers = Arrays.asList(getTranslation("wallet.history.date"), getTranslation("wallet.history.kind"),
                getTranslation("wallet.history.amount.cents"), getTranslation("wallet.history.balance.cents"), getTranslation("wallet.history.memo"));
        return event -> {
            event.setFileName("mobayilo-wallet.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write(Csv.row(headers));
                for (var entry : history.all(wallet, currentFilter.get()).toIterable()) {
                    out.write(Csv.row(Arrays.asList(entry.at().toString(), entry.kind().name(), Long.toString(entry.amount().cents()),
                            Long.toString(entry.balanceAfter().cents()), memo(entry))));
                }
            }
        };
    }

    private String signed(HistoryEntry entry) {
        var text = entry.amount().format(getLocale());
        return entry.amount().isPositive() ? "+" + text : text;
    }

    /** The memo in the reader's language: the grid and the export say the same. */
    private String memo(HistoryEntry entry) {
        return entry.memo().in(getLocale(), (key, locale, args) -> getTranslation(locale, key, args));
    }

    private String kindName(TransactionKind kind) {
        return getTranslation("wallet.kind." + kind.name());
    }
}
