package com.mobayilo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P6 (part): start to ready and idle memory, as an operator runs Mobayilo. "Ready" means the core's readiness
 * probe is UP and the UI serves the sign-in page. Measured as the image ships it (the extracted jar started with
 * the JVM's AOT cache, made by a training run: docs/decisions/0020-aot-cache.md); the baselines in the same run
 * are the plain {@code java -jar target/mobayilo.jar} and the same jar as a core-only deployment (no Vaadin
 * server), which shows what the UI server costs.
 */
class StartupBenchmark {

    private static final int RUNS = 5;

    private static final Duration IDLE = Duration.ofSeconds(20);

    @Test
    void startToReadyAndIdleMemory() throws Exception {
        var jar = Path.of("target", "mobayilo.jar");
        assertThat(jar).exists();
        var data = Files.createTempDirectory("mobayilo-bench");
        var shipped = shippedLayout(jar, data);
        var plain = List.of("-jar", jar.toString());
        var full = new ArrayList<Double>();
        var rss = new ArrayList<Double>();
        var plainFull = new ArrayList<Double>();
        var plainRss = new ArrayList<Double>();
        var coreOnly = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            try (var run = run(shipped, data, true)) {
                full.add(run.readySeconds);
                Thread.sleep(IDLE.toMillis());
                rss.add(run.rssMegabytes());
            }
            try (var run = run(plain, data, true)) {
                plainFull.add(run.readySeconds);
                Thread.sleep(IDLE.toMillis());
                plainRss.add(run.rssMegabytes());
            }
            try (var run = run(plain, data, false)) {
                coreOnly.add(run.readySeconds);
            }
        }
        BenchmarkReport.write("startup", """
                ## P6: start to ready and idle memory

                Command: `./mvnw -Pbench verify -Dit.test=StartupBenchmark`. Embedded PostgreSQL with an existing data folder, no
                other JVM flag; %d runs of each, interleaved; median (min–max). As shipped: the jar extracted as the
                Dockerfile does (`java -Djarmode=tools -jar target/mobayilo.jar extract`), started with
                `-XX:AOTCache` from one training run (`-XX:AOTCacheOutput`, `--mobayilo.training-run=true`).

                | measure | Mobayilo as shipped (UI + core, AOT cache) | baseline: `java -jar target/mobayilo.jar` | baseline: the same, core-only deployment | goal |
                |---|---|---|---|---|
                | start to ready | %s s | %s s | %s s | ≤ 10 s |
                | RSS after %d s idle | %s MB | %s MB | — | ≤ 700 MB |

                Ratios of start times: as shipped / plain jar %.2f; plain jar / core-only %.2f.
                """.formatted(RUNS, BenchmarkReport.spread(full, "%.2f"), BenchmarkReport.spread(plainFull, "%.2f"),
                BenchmarkReport.spread(coreOnly, "%.2f"), IDLE.toSeconds(), BenchmarkReport.spread(rss, "%.0f"), BenchmarkReport.spread(plainRss, "%.0f"),
                BenchmarkReport.median(full) / BenchmarkReport.median(plainFull), BenchmarkReport.median(plainFull) / BenchmarkReport.median(coreOnly)));
        assertThat(full).hasSize(RUNS);
    }

    /**
     * The jar laid out as the image has it, and its AOT cache from a training run, which also creates the data
     * folder every measured run then starts on.
     */
    private static List<String> shippedLayout(Path jar, Path data) throws Exception {
        var app = data.resolve("app");
        java(data, "extract.log", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString());
        var cache = app.resolve("mobayilo.aot");
        java(data, "training.log", "-XX:AOTCacheOutput=" + cache, "-jar", app.resolve("mobayilo.jar").toString(), "--mobayilo.training-run=true",
                "--mobayilo.database.embedded.data-dir=" + data.resolve("postgres"), "--logging.level.root=warn",
                "--MOBAYILO_UI_PORT=" + TestApp.freePort(), "--MOBAYILO_CORE_PORT=" + TestApp.freePort());
        assertThat(cache).as("AOT cache written by the training run; see %s", data.resolve("training.log")).exists();
        return List.of("-XX:AOTCache=" + cache, "-jar", app.resolve("mobayilo.jar").toString());
    }

    private static void java(Path data, String log, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve(log).toFile()).start();
        if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("%s failed; see %s".formatted(String.join(" ", arguments), data.resolve(log)));
        }
    }

    private static Run run(List<String> launch, Path data, boolean servers) throws Exception {
        var uiPort = TestApp.freePort();
        var corePort = TestApp.freePort();
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(launch);
        command.addAll(List.of("--mobayilo.database.embedded.data-dir=" + data.resolve("postgres"), "--logging.level.root=warn"));
        if (!servers) {
            command.add("--mobayilo.ui.enabled=false");
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile());
        builder.environment().put("MOBAYILO_UI_PORT", Integer.toString(uiPort));
        builder.environment().put("MOBAYILO_CORE_PORT", Integer.toString(corePort));
        var started = System.nanoTime();
        var process = builder.start();
        var deadline = started + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (servers ? ready(uiPort, corePort) : ready(corePort)) {
                return new Run(process, (System.nanoTime() - started) / 1e9);
            }
            if (!process.isAlive()) {
                throw new AssertionError("Mobayilo exited; see " + data.resolve("app.log"));
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new AssertionError("Mobayilo was not ready within 90 s");
    }

    private static boolean ready(int uiPort, int corePort) {
        try {
            return get("http://localhost:" + corePort + "/actuator/health/readiness").body().contains("\"UP\"")
                    && get("http://localhost:" + uiPort + "/login").statusCode() == 200;
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    private static boolean ready(int corePort) {
        try {
            return get("http://localhost:" + corePort + "/actuator/health/readiness").body().contains("\"UP\"");
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    private record Run(Process process, double readySeconds) implements AutoCloseable {

        double rssMegabytes() throws IOException {
            var kilobytes = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst().orElseThrow()
                    .replaceAll("\\D+", "");
            return Long.parseLong(kilobytes) / 1024.0;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
