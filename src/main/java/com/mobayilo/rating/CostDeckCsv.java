package com.mobayilo.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;


/**
 * A supplier's cost deck, turned into a sell deck by a {@link Markup} (docs/rate-deck.md):
 * <pre>prefix,country,description,cost_per_minute_usd</pre>
 * The cost is a decimal number of US dollars per minute, such as {@code 0.0125}.
 */
public final class CostDeckCsv {

    public static final String HEADER = "prefix,country,description,cost_per_minute_usd";

    private CostDeckCsv() {
    }

    public static DeckUpload parse(Reader source, Markup markup, IntConsumer linesRead) {
        var rows = new ArrayList<Rate>();
        var errors = new ArrayList<LineError>();
        var seen = new HashSet<String>();
        try (var reader = new BufferedReader(source)) {
            var header = reader.readLine();
            if (header == null || !HEADER.equals(header.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""))) {
                return new DeckUpload(List.of(), List.of(new LineError(1, "rating.deck.header", HEADER)));
            }
            var number = 1;
            for (var line = reader.readLine(); line != null && errors.size() < DeckCsv.MOST_ERRORS_LISTED; line = reader.readLine()) {
                number++;
                if (number % 1000 == 0) {
                    linesRead.accept(number);
                }
                if (line.isBlank()) {
                    continue;
                }
                var rate = row(line, number, markup, errors);
                if (rate != null && !seen.add(rate.prefix())) {
                    errors.add(new LineError(number, "rating.deck.duplicate", rate.prefix()));
                }
                else if (rate != null) {
                    rows.add(rate);
                }
            }
            linesRead.accept(number);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new LineError(2, "rating.deck.empty"));
        }
        return new DeckUpload(errors.isEmpty() ? rows : List.of(), errors);
    }

    private static Rate row(String line, int number, Markup markup, List<LineError> errors) {
        var cells = CsvLines.cells(line);
        if (cells == null || cells.size() != 4) {
            errors.add(new LineError(number, "rating.deck.columns"));
            return null;
        }
        var before = errors.size();
        var destination = DeckDestination.read(cells, number, errors);
        var cost = cost(cells.get(3).strip());
        if (cost == null) {
            errors.add(new LineError(number, "rating.deck.cost", cells.get(3).strip()));
        }
        if (errors.size() > before) {
            return null;
        }
        var sell = markup.sellRateFor(cost.movePointRight(2));
        if (sell.cents() > DeckCsv.HIGHEST_RATE) {
            errors.add(new LineError(number, "rating.deck.rate", Long.toString(sell.cents()), DeckCsv.HIGHEST_RATE));
            return null;
        }
        return new Rate(destination.prefix(), destination.country(), destination.description(), sell, Rate.ALWAYS);
    }

    private static BigDecimal cost(String text) {
        if (!text.matches("[0-9]{1,4}(\\.[0-9]{1,6})?")) {
            return null;
        }
        var cost = new BigDecimal(text);
        return cost.signum() > 0 ? cost : null;
    }
}
