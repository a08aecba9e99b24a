package com.mobayilo.rating;

import java.util.List;
import java.util.Locale;

import com.mobayilo.shared.CountryCode;

/**
 * The first three columns every deck file shares (prefix, country, description), checked once for both the
 * sell deck and the supplier cost deck.
 */
record DeckDestination(String prefix, CountryCode country, String description) {

    /** The destination in {@code cells}, adding a line error per bad column; null when any is bad. */
    static DeckDestination read(List<String> cells, int line, List<LineError> errors) {
        var prefix = cells.get(0).strip();
        var country = cells.get(1).strip().toUpperCase(Locale.ROOT);
        var description = cells.get(2).strip();
        var before = errors.size();
        if (!prefix.matches("[1-9][0-9]{0,14}")) {
            errors.add(new LineError(line, "rating.deck.prefix", prefix));
        }
        if (!country.isEmpty() && !CountryCode.isKnown(country)) {
            errors.add(new LineError(line, "rating.deck.country", country));
        }
        if (description.isEmpty() || description.length() > 200) {
            errors.add(new LineError(line, "rating.deck.description"));
        }
        return errors.size() > before ? null : new DeckDestination(prefix, country.isEmpty() ? null : CountryCode.of(country), description);
    }
}
