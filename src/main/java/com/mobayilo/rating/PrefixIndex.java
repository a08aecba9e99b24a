package com.mobayilo.rating;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Longest-prefix lookup over the deck's prefixes: a digit trie in flat arrays, so a lookup is at most fifteen
 * array reads and never allocates. Built once per deck version and day (rows with a future effective date
 * are left out until their day comes), then only read, by any number of threads.
 */
final class PrefixIndex {

    private static final int DIGITS = 10;

    private int[] children;

    private Rate[] rates;

    private int nodes = 1;

    private final LocalDate day;

    private final int size;

    private PrefixIndex(Collection<Rate> rows, LocalDate day) {
        this.day = day;
        this.children = new int[Math.max(DIGITS, rows.size() * 3 * DIGITS)];
        this.rates = new Rate[children.length / DIGITS];
        var applicable = rows.stream()
                .filter(rate -> !rate.effectiveFrom().isAfter(day))
                .sorted(Comparator.comparing(Rate::effectiveFrom))
                .toList();
        applicable.forEach(this::put);
        this.size = (int) applicable.stream().map(Rate::prefix).distinct().count();
    }

    static PrefixIndex of(Collection<Rate> rows, LocalDate day) {
        return new PrefixIndex(rows, day);
    }

    LocalDate day() {
        return day;
    }

    int size() {
        return size;
    }

    /** The rate of the longest prefix of {@code digits}, if any. */
    Optional<Rate> longestMatch(String digits) {
        var node = 0;
        Rate best = null;
        for (int i = 0; i < digits.length(); i++) {
            var digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            node = children[node * DIGITS + digit];
            if (node == 0) {
                break;
            }
            if (rates[node] != null) {
                best = rates[node];
            }
        }
        return Optional.ofNullable(best);
    }

    private void put(Rate rate) {
        var node = 0;
        for (int i = 0; i < rate.prefix().length(); i++) {
            var slot = node * DIGITS + rate.prefix().charAt(i) - '0';
            if (children[slot] == 0) {
                ensureRoom();
                children[slot] = nodes++;
            }
            node = children[slot];
        }
        rates[node] = rate;
    }

    private void ensureRoom() {
        if (nodes >= rates.length) {
            rates = Arrays.copyOf(rates, rates.length * 2);
            children = Arrays.copyOf(children, rates.length * DIGITS);
        }
    }
}
