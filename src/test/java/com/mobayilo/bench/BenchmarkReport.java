package com.mobayilo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes one benchmark's section into docs/benchmarks.md between its markers, leaving the other sections as
 * they are, so each benchmark can be rerun alone. Every section states the machine and the date.
 */
final class BenchmarkReport {

    static final Path FILE = Path.of("docs", "benchmarks.md");

    private BenchmarkReport() {
    }

    static void write(String name, String markdown) {
        try {
            var start = "<!-- bench:" + name + " -->";
            var end = "<!-- /bench:" + name + " -->";
            Files.createDirectories(FILE.getParent());
            var current = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n";
            var section = start + "\n" + markdown.strip() + "\n\n" + machine() + "\n" + end;
            var from = current.indexOf(start);
            var to = current.indexOf(end);
            var updated = from >= 0 && to > from
                    ? current.substring(0, from) + section + current.substring(to + end.length())
                    : current.stripTrailing() + "\n\n" + section + "\n";
            Files.writeString(FILE, updated);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String machine() {
        var cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        }
        catch (IOException ignored) {
            // not Linux: keep the generic name
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        return "_Measured %s on %d cores (%s), %.0f GB RAM, Java %s%s._".formatted(LocalDate.now(), os.getAvailableProcessors(), cpu,
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / 1e9, Runtime.version(), load());
    }

    /** The machine's load average when the section is written: other work on the same cores shows in the figures. */
    private static String load() {
        try {
            var averages = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "; load average at the end %s (1 min), %s (15 min)".formatted(averages[0], averages[2]);
        }
        catch (IOException | RuntimeException unavailable) {
            return "";
        }
    }

    /** "median (min–max)" of the samples. */
    static String spread(List<Double> samples, String format) {
        var sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        var median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, sorted[0], sorted[sorted.length - 1]);
    }

    static double median(List<Double> samples) {
        var sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The nearest-rank percentile of the samples. */
    static double percentile(List<Double> samples, double percentile) {
        var sorted = samples.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
    }

    static List<Double> list(double... values) {
        return Arrays.stream(values).boxed().toList();
    }
}
