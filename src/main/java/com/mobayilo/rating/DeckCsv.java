package com.mobayilo.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import com.mobayilo.shared.Money;

/**
 * The sell deck's CSV format (docs/rate-deck.md):
 * <pre>prefix,country,description,rate_per_minute_cents,effective_from</pre>
 * {@code prefix} is the digits after the plus (country code included), {@code country} an ISO code or empty
 * for international networks, the rate whole credits (US cents) per minute, {@code effective_from} an optional
 * ISO date. A file with any bad line is refused whole, with every bad line named.
 */
public final class DeckCsv {

    public static final String HEADER = "prefix,country,description,rate_per_minute_cents,effective_from";

    static final int MOST_ERRORS_LISTED = 200;

    static final int HIGHEST_RATE = 100_000;

    private DeckCsv() {
    }

    public static DeckUpload parse(Reader source, IntConsumer linesRead) {
        var rows = new ArrayList<Rate>();
        var errors = new ArrayList<LineError>();
        var seen = new HashSet<String>();
        try (var reader = new BufferedReader(source)) {
            var header = reader.readLine();
            if (header == null || !HEADER.equals(header.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""))) {
                return new DeckUpload(List.of(), List.of(new LineError(1, "rating.deck.header", HEADER)));
            }
            var number = 1;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number % 1000 == 0) {
                    linesRead.accept(number);
                }
                if (line.isBlank()) {
                    continue;
                }
                var parsed = row(line, number, errors);
                if (parsed != null && !seen.add(parsed.prefix() + "@" + parsed.effectiveFrom())) {
                    errors.add(new LineError(number, "rating.deck.duplicate", parsed.prefix()));
                }
                else if (parsed != null) {
                    rows.add(parsed);
                }
                if (errors.size() >= MOST_ERRORS_LISTED) {
                    break;
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

    private static Rate row(String line, int number, List<LineError> errors) {
        var cells = CsvLines.cells(line);
        if (cells == null || cells.size() < 4 || cells.size() > 5) {
            errors.add(new LineError(number, "rating.deck.columns"));
            return null;
        }
        var before = errors.size();
        var destination = DeckDestination.read(cells, number, errors);
        var rate = rate(cells.get(3).strip());
        if (rate == null) {
            errors.add(new LineError(number, "rating.deck.rate", cells.get(3).strip(), HIGHEST_RATE));
        }
        var effective = cells.size() == 5 ? date(cells.get(4).strip()) : Rate.ALWAYS;
        if (effective == null) {
            errors.add(new LineError(number, "rating.deck.date", cells.get(4).strip()));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Rate(destination.prefix(), destination.country(), destination.description(), rate, effective);
    }

    private static Money rate(String text) {
        if (!text.matches("[0-9]{1,7}")) {
            return null;
        }
        var cents = Long.parseLong(text);
        return cents < 1 || cents > HIGHEST_RATE ? null : Money.cents(cents);
    }

    private static LocalDate date(String text) {
        if (text.isEmpty()) {
            return Rate.ALWAYS;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Writes the deck in the same format, so an export can be edited and imported again. */
    public static void write(List<Rate> rows, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        for (var rate : rows) {
            out.write(String.join(",", rate.prefix(), rate.country() == null ? "" : rate.country().value(), quoted(rate.description()),
                    Long.toString(rate.perMinute().cents()), rate.effectiveFrom().equals(Rate.ALWAYS) ? "" : rate.effectiveFrom().toString()));
            out.write("\r\n");
        }
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
