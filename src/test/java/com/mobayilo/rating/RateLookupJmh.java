package com.mobayilo.rating;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.mobayilo.shared.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.core.io.ClassPathResource;

/**
 * JMH state and methods for P5: one longest-prefix lookup in a 50,000-prefix deck, against the obvious
 * baseline of a hash map probed from the longest candidate prefix down. Run by
 * {@code com.mobayilo.bench.RatingBenchmark}; the deck grows the shipped sample deck's prefixes with random
 * digits, so it has the real country-code tree with 50,000 leaves below it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLookupJmh {

    public static final int PREFIXES = 50_000;

    private static final int NUMBERS = 1 << 14;

    private PrefixIndex index;

    private Map<String, Rate> byPrefix;

    private String[] numbers;

    private int next;

    @Setup(Level.Trial)
    public void buildDeck() throws Exception {
        var deck = deckOf(PREFIXES, new SplittableRandom(42));
        index = PrefixIndex.of(deck, LocalDate.now());
        byPrefix = new HashMap<>();
        deck.forEach(rate -> byPrefix.put(rate.prefix(), rate));
        var random = new SplittableRandom(7);
        var prefixes = deck.stream().map(Rate::prefix).toList();
        numbers = new String[NUMBERS];
        for (int i = 0; i < NUMBERS; i++) {
            var number = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            while (number.length() < 12) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            numbers[i] = number.toString();
        }
    }

    @Benchmark
    public Optional<Rate> prefixIndex() {
        return index.longestMatch(numbers[next++ & (NUMBERS - 1)]);
    }

    @Benchmark
    public Rate hashMapBaseline() {
        var digits = numbers[next++ & (NUMBERS - 1)];
        for (int length = Math.min(digits.length(), 15); length > 0; length--) {
            var rate = byPrefix.get(digits.substring(0, length));
            if (rate != null) {
                return rate;
            }
        }
        return null;
    }

    /** The sample deck's prefixes, each extended by random digits until there are {@code size} distinct prefixes. */
    public static List<Rate> deckOf(int size, SplittableRandom random) throws Exception {
        List<Rate> sample;
        try (var reader = new InputStreamReader(new ClassPathResource(SampleDeck.RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
            sample = DeckCsv.parse(reader, lines -> { }).rows();
        }
        var rows = new LinkedHashMap<String, Rate>();
        sample.forEach(rate -> rows.put(rate.prefix(), rate));
        var roots = new ArrayList<>(sample);
        while (rows.size() < size) {
            var root = roots.get(random.nextInt(roots.size()));
            var prefix = new StringBuilder(root.prefix());
            var extra = 1 + random.nextInt(4);
            for (int i = 0; i < extra && prefix.length() < 12; i++) {
                prefix.append((char) ('0' + random.nextInt(10)));
            }
            rows.putIfAbsent(prefix.toString(), new Rate(prefix.toString(), root.country(), root.description() + " " + rows.size(),
                    Money.cents(1 + random.nextInt(200)), Rate.ALWAYS));
        }
        return List.copyOf(rows.values());
    }
}
