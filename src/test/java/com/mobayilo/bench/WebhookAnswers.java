package com.mobayilo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The measured answers of one target in one run, as the Gatling simulation wrote them: response times in
 * milliseconds, how many were not HTTP 200 (or got no answer at all), and how many were 200 without a
 * {@code Dial} (a refused call).
 */
record WebhookAnswers(List<Double> millis, long firstSent, long lastAnswered, int failed, int refused) {

    static Map<String, WebhookAnswers> read(Path results) {
        try (var lines = Files.lines(results)) {
            return lines.map(line -> line.split(","))
                    .collect(Collectors.groupingBy(fields -> fields[0], Collectors.collectingAndThen(Collectors.toList(), WebhookAnswers::of)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Fields: target, phase, status, dials, milliseconds, end (epoch ms). Warm-up answers count only as failures. */
    private static WebhookAnswers of(List<String[]> answers) {
        var millis = new ArrayList<Double>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int failed = 0;
        int refused = 0;
        for (var fields : answers) {
            var status = Integer.parseInt(fields[2]);
            failed += status == 200 ? 0 : 1;
            refused += status == 200 && Integer.parseInt(fields[3]) == 0 ? 1 : 0;
            if ("measured".equals(fields[1]) && status == 200) {
                var time = Long.parseLong(fields[4]);
                var end = Long.parseLong(fields[5]);
                millis.add((double) time);
                first = Math.min(first, end - time);
                last = Math.max(last, end);
            }
        }
        return new WebhookAnswers(millis, first, last, failed, refused);
    }

    double percentile(double percentile) {
        return millis.isEmpty() ? Double.NaN : BenchmarkReport.percentile(millis, percentile);
    }

    @Override
    public String toString() {
        return millis.isEmpty() ? "no measured answer, %d failed, %d refused".formatted(failed, refused)
                : String.format(Locale.ROOT, "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, %.0f/s, %d measured, %d failed, %d refused",
                        percentile(50), percentile(90), percentile(99), percentile(100), rate(), millis.size(), failed, refused);
    }

    /** Answers per second over the measured phase, from the first request sent to the last answer received. */
    double rate() {
        return millis.isEmpty() ? 0 : millis.size() / ((lastAnswered - firstSent) / 1000.0);
    }
}
