package com.mobayilo.bench;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.mobayilo.rating.DeckCsv;
import com.mobayilo.rating.DeckImports;
import com.mobayilo.rating.Rate;
import com.mobayilo.rating.RateDeck;
import com.mobayilo.rating.RateLookupJmh;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P5: a rate lookup in a 50,000-prefix deck (JMH, against a hash-map baseline in the same run) and the
 * operator's whole import path for a 50,000-row deck: parse, preview, apply in one transaction and rebuild the
 * index (against the obvious baseline in the same run: one INSERT per row, in one transaction).
 */
class RatingBenchmark {

    private static final int RUNS = 3;

    @Test
    void rateLookupAndDeckImport() throws Exception {
        var lookups = new Runner(new OptionsBuilder()
                .include(RateLookupJmh.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g")
                .build()).run();
        var index = result(lookups, "prefixIndex");
        var map = result(lookups, "hashMapBaseline");

        var deck = RateLookupJmh.deckOf(RateLookupJmh.PREFIXES, new SplittableRandom(11));
        var csv = new StringWriter();
        DeckCsv.write(deck, csv);
        var imports = new ArrayList<Double>();
        var rowByRow = new ArrayList<Double>();
        try (var app = TestApp.start()) {
            for (int run = 0; run < RUNS; run++) {
                imports.add(seconds(() -> importDeck(app, csv.toString())));
                assertThat(app.bean(RateDeck.class).size()).isEqualTo(RateLookupJmh.PREFIXES);
                rowByRow.add(seconds(() -> insertRowByRow(app, deck)));
            }
        }
        assertThat(index.getScore()).isPositive();
        BenchmarkReport.write("rating", """
                ## P5: rate lookup and deck import

                Command: `./mvnw -Pbench verify -Dit.test=RatingBenchmark`. Lookup: JMH, 1 fork, 3 × 1 s warm-up, 5 × 1 s measured,
                average time per lookup of a 12-digit E.164 number in a deck of %,d prefixes (the sample deck's country-code tree
                grown with random digits); median of the iterations (min–max). Import: %d runs, median (min–max).

                | measure | result | baseline in the same run | goal |
                |---|---|---|---|
                | longest-prefix lookup (`PrefixIndex`, digit trie) | %s ns | hash map probed from 15 digits down: %s ns | ≤ 1 µs |
                | import of %,d rows: parse, preview, apply in one transaction, rebuild the index | %s s | one INSERT per row in one transaction: %s s | ≤ 3 s |

                Lookup trie / hash map: %.2f. Import / row-by-row baseline: %.2f.
                """.formatted(RateLookupJmh.PREFIXES, RUNS, spread(index), spread(map), RateLookupJmh.PREFIXES,
                BenchmarkReport.spread(imports, "%.2f"), BenchmarkReport.spread(rowByRow, "%.2f"),
                index.getStatistics().getPercentile(50) / map.getStatistics().getPercentile(50),
                BenchmarkReport.median(imports) / BenchmarkReport.median(rowByRow)));
    }

    private static void importDeck(TestApp app, String csv) {
        var imports = app.bean(DeckImports.class);
        var upload = DeckCsv.parse(new StringReader(csv), lines -> { });
        assertThat(upload.isValid()).as(upload.errors().toString()).isTrue();
        imports.preview(upload);
        imports.apply(upload, null).block(Duration.ofMinutes(1));
    }

    private static void insertRowByRow(TestApp app, List<Rate> deck) {
        var db = app.bean(DatabaseClient.class);
        db.sql("delete from rate_deck").then()
                .thenMany(Flux.fromIterable(deck).concatMap(rate -> db.sql("""
                        insert into rate_deck (prefix, effective_from, country, description, rate_cents)
                        values (:prefix, :from, :country, :description, :cents)""")
                        .bind("prefix", rate.prefix()).bind("from", rate.effectiveFrom()).bind("country", Parameter.fromOrEmpty(rate.country() == null ? null : rate.country().value(), String.class))
                        .bind("description", rate.description()).bind("cents", (int) rate.perMinute().cents()).then()))
                .then()
                .as(app.bean(TransactionalOperator.class)::transactional)
                .block(Duration.ofMinutes(5));
    }

    private static double seconds(Runnable work) {
        var started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static org.openjdk.jmh.results.Result<?> result(java.util.Collection<RunResult> results, String method) {
        return results.stream().filter(run -> run.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new AssertionError("JMH did not run " + method)).getPrimaryResult();
    }

    private static String spread(org.openjdk.jmh.results.Result<?> result) {
        var statistics = result.getStatistics();
        return String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", statistics.getPercentile(50), statistics.getMin(), statistics.getMax());
    }
}
