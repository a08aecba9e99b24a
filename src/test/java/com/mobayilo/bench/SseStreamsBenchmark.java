package com.mobayilo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P3: how many SSE streams of {@code /api/v1/events} one instance holds, the heap each costs, and how long an
 * event takes to reach all of them. The subscribers run in a JVM of their own ({@link SseCrowd}), so this JVM's
 * heap after a full GC is the server's: Mobayilo in process, with its database in its own process. Baseline
 * in the same run: the same crowd on {@link BareSseServer}, a bare Reactor Netty SSE server in this JVM.
 *
 * <p>The streams belong to {@value #USERS} users (API keys, round robin). One fan-out changes all their balances
 * at once (10 ledger credits in parallel), so every stream gets exactly one {@code balance.changed}; each
 * delivery is timed from before the credits to its arrival at its stream.
 */
class SseStreamsBenchmark {

    private static final int USERS = 10;

    private static final List<Integer> LEVELS = Arrays.stream(System.getProperty("bench.streams", "2000,5000,10000").split(","))
            .map(Integer::parseInt).toList();

    private static final int ROUNDS = 5;

    @Test
    void streamsHeldHeapPerStreamAndFanOut() throws Exception {
        try (var crowd = Crowd.start()) {
            Result bare;
            try (var server = new BareSseServer()) {
                bare = measure(crowd, server.url(), List.of("-"), () -> {
                    server.broadcast();
                    return null;
                }, () -> 0.0);
            }
            Result mobayilo;
            try (var app = TestApp.start()) {
                var callers = new ArrayList<Caller>();
                for (int i = 0; i < USERS; i++) {
                    callers.add(caller(app));
                }
                var ledger = app.bean(Ledger.class);
                mobayilo = measure(crowd, app.coreUrl() + "/api/v1/events", callers.stream().map(Caller::key).toList(),
                        () -> Flux.fromIterable(callers).flatMap(caller -> ledger.credit(caller.wallet(), Money.cents(1), entry())).blockLast(),
                        () -> {
                            histogram();
                            return app.bean(MeterRegistry.class).get("mobayilo.events.subscribers").gauge().value();
                        });
            }
            report(mobayilo, bare);
            assertThat(mobayilo.levels).isNotEmpty();
        }
    }

    /** Warm up, then for each level: open streams up to it, weigh the heap, and at the last level held time the fan-outs. */
    private static Result measure(Crowd crowd, String url, List<String> keys, Supplier<Object> send, Supplier<Double> atFullest) throws Exception {
        var result = new Result();
        crowd.open(url, 100, keys);
        fanOut(crowd, 100, send);
        crowd.ask("close");
        Thread.sleep(3000);
        var empty = heap();
        var direct = directMemory();
        var held = 0;
        for (var level : LEVELS) {
            var opened = crowd.open(url, level - held, keys);
            held = opened.held();
            Thread.sleep(2000);
            var streams = held;
            var full = heap();
            result.levels.add(new Level(level, streams, opened.failed(), opened.seconds(),
                    full.stream().map(used -> (used - BenchmarkReport.median(empty)) / streams).toList(),
                    (directMemory() - direct) / (double) streams));
            if (opened.failed() > 0) {
                break;
            }
        }
        result.subscribersSeen = atFullest.get();
        fanOut(crowd, held, send);
        for (int round = 0; round < ROUNDS; round++) {
            Thread.sleep(1000);
            result.rounds.add(fanOut(crowd, held, send));
        }
        result.held = held;
        crowd.ask("close");
        Thread.sleep(3000);
        return result;
    }

    private static Round fanOut(Crowd crowd, int expected, Supplier<Object> send) throws IOException {
        crowd.ask("mark");
        var started = System.nanoTime();
        send.get();
        var words = crowd.ask("collect " + expected + " 60000").split(" ");
        var delays = Arrays.stream(words).skip(2).map(arrived -> (Long.parseLong(arrived) - started) / 1e6).toList();
        return new Round(Integer.parseInt(words[1]), expected, delays.isEmpty() ? List.of(Double.NaN) : delays);
    }

    /** What the heap holds with every stream open, largest first: target/bench/sse-streams-histogram.txt. */
    private static void histogram() {
        try {
            var jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            var histogram = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "bench", "sse-streams-histogram.txt").toFile()).start();
            histogram.waitFor(120, TimeUnit.SECONDS);
        }
        catch (IOException | InterruptedException | RuntimeException unavailable) {
            // the histogram is a diagnosis, not part of the measurement
        }
    }

    /** Used heap after a full collection, three times, in bytes. */
    private static List<Double> heap() throws InterruptedException {
        var samples = new ArrayList<Double>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
            samples.add((double) ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return samples;
    }

    private static void report(Result mobayilo, Result bare) {
        var levels = new StringBuilder();
        for (int i = 0; i < mobayilo.levels.size(); i++) {
            var app = mobayilo.levels.get(i);
            var floor = i < bare.levels.size() ? bare.levels.get(i) : null;
            levels.append("| %d | %d (%d refused or timed out, %.0f s to open) | %s KB | %s | %.1f KB |%n".formatted(app.asked(), app.held(), app.failed(), app.seconds(),
                    BenchmarkReport.spread(kilobytes(app.samples()), "%.1f"),
                    floor == null ? "—" : BenchmarkReport.spread(kilobytes(floor.samples()), "%.1f") + " KB (" + floor.held() + " held)",
                    app.directBytes() / 1024));
        }
        BenchmarkReport.write("sse-streams", """
                ## P3: SSE streams held by one instance, heap per stream, fan-out to all

                Command: `./mvnw -Pbench verify -Dit.test=SseStreamsBenchmark`. The subscribers of `/api/v1/events` (Bearer API keys of
                %d users, round robin) run in a JVM of their own on Reactor Netty, one connection each, opened 200 at a time;
                Mobayilo (UI and core servers, the database in its own process) runs in the benchmark's JVM, whose used heap after a
                full GC (three readings) is therefore the server's. Heap per stream = (with the streams − before the first) / streams
                held, median (min–max) of the readings. Baseline in the same run: the same crowd on a bare Reactor Netty SSE server
                (opening comment, heartbeat, one broadcast sink; no security, routing or database) in the same JVM. Netty's
                default allocator's direct buffers are off-heap and shown apart.

                | streams asked | held by Mobayilo | Mobayilo heap per stream | baseline: bare Reactor Netty heap per stream | Mobayilo Netty direct memory per stream |
                |---|---|---|---|---|
                %s
                Goal: 10,000 streams, heap per stream ≤ 50 KB. The server's own gauge `mobayilo.events.subscribers` read %.0f with all streams open.
                The file-descriptor limit (`ulimit -n`) is %s per process here; with the client in its own process, the server needs
                one descriptor per stream. A class histogram of the server with all streams open is written to
                `target/bench/sse-streams-histogram.txt`.

                Fan-out with %d streams open (bare server: %d): %d rounds after one discarded, each timed from before the send to each
                stream's arrival; milliseconds, median of the rounds (min–max).

                | send | p50 | p99 | max | delivered |
                |---|---|---|---|---|
                | Mobayilo: the %d users' balances changed at once (10 ledger credits, commit, NOTIFY, hub, SSE) | %s | %s | %s | %s |
                | baseline: bare Reactor Netty, one broadcast | %s | %s | %s | %s |
                """.formatted(USERS, levels.toString(), mobayilo.subscribersSeen, descriptorLimit(), mobayilo.held, bare.held, ROUNDS, USERS,
                mobayilo.percentile(50), mobayilo.percentile(99), mobayilo.percentile(100), mobayilo.delivered(),
                bare.percentile(50), bare.percentile(99), bare.percentile(100), bare.delivered()));
    }

    /** Direct memory of Netty's default allocator (adaptive since Netty 4.2), which Reactor Netty uses. */
    private static long directMemory() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider metered ? metered.metric().usedDirectMemory() : 0;
    }

    private static String descriptorLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.split("\\s{2,}")[1]).findFirst().orElse("unknown");
        }
        catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    private static List<Double> kilobytes(List<Double> bytes) {
        return bytes.stream().map(each -> each / 1024).toList();
    }

    private static JournalEntry entry() {
        var id = UUID.randomUUID().toString();
        return JournalEntry.of(TransactionKind.PROMOTION, "BENCH", "fan-out", "fan-out", id);
    }

    private static Caller caller(TestApp app) {
        var user = app.bean(Registration.class).signUp(new SignUp("streams-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "Bench", "bench-password-123", "US", Locale.ENGLISH)).block();
        var key = app.bean(ApiKeys.class).create(user.id(), "bench").block().secret();
        return new Caller(key, app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id());
    }

    private record Caller(String key, WalletId wallet) {
    }

    private record Level(int asked, int held, int failed, double seconds, List<Double> samples, double directBytes) {
    }

    private record Round(int received, int expected, List<Double> delays) {
    }

    private static final class Result {

        final List<Level> levels = new ArrayList<>();

        final List<Round> rounds = new ArrayList<>();

        int held;

        double subscribersSeen;

        String percentile(double percentile) {
            return BenchmarkReport.spread(rounds.stream().map(round -> BenchmarkReport.percentile(round.delays(), percentile)).toList(), "%.1f");
        }

        String delivered() {
            return "%d of %d".formatted(rounds.stream().mapToInt(Round::received).sum(), rounds.stream().mapToInt(Round::expected).sum());
        }
    }

    private record Opened(int held, int failed, double seconds) {
    }

    /** The {@link SseCrowd} process, asked one line at a time. */
    private record Crowd(Process process, PrintWriter in, BufferedReader out) implements AutoCloseable {

        static Crowd start() throws IOException {
            var log = Files.createDirectories(Path.of("target", "bench")).resolve("sse-crowd.log");
            var builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g", SseCrowd.class.getName())
                    .redirectError(log.toFile());
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            var process = builder.start();
            return new Crowd(process, new PrintWriter(process.getOutputStream(), true), new BufferedReader(new InputStreamReader(process.getInputStream())));
        }

        Opened open(String url, int count, List<String> keys) throws IOException {
            var words = ask("open %s %d %s".formatted(url, count, String.join(",", keys))).split(" ");
            return new Opened(Integer.parseInt(words[1]), Integer.parseInt(words[2]), Double.parseDouble(words[3]));
        }

        String ask(String line) throws IOException {
            in.println(line);
            var answer = out.readLine();
            if (answer == null) {
                throw new AssertionError("The SSE crowd exited; see target/bench/sse-crowd.log");
            }
            return answer;
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
