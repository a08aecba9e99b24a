package com.mobayilo.rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What applying a new deck would do to the current one: rows added, changed (old and new) and removed. */
public record DeckChanges(List<Rate> added, List<Change> changed, List<Rate> removed, int unchanged) {

    public static DeckChanges between(List<Rate> current, List<Rate> proposed) {
        Map<String, Rate> before = new LinkedHashMap<>();
        current.forEach(rate -> before.put(key(rate), rate));
        var added = new ArrayList<Rate>();
        var changed = new ArrayList<Change>();
        var unchanged = 0;
        for (var rate : proposed) {
            var old = before.remove(key(rate));
            if (old == null) {
                added.add(rate);
            }
            else if (!old.equals(rate)) {
                changed.add(new Change(old, rate));
            }
            else {
                unchanged++;
            }
        }
        return new DeckChanges(added, changed, List.copyOf(before.values()), unchanged);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    private static String key(Rate rate) {
        return rate.prefix() + "@" + rate.effectiveFrom();
    }

    /** One row whose country, description or rate changes. */
    public record Change(Rate before, Rate after) {
    }
}
