package com.mobayilo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P6 (part): start to ready and idle memory of the packaged jar, as an operator runs it. "Ready" means the
 * core's readiness probe is UP and the UI serves the sign-in page. The baseline in the same run is the same
 * jar as a core-only deployment (no Vaadin server), which shows what the UI server costs.
 */
class StartupBenchmark {

    private static final int RUNS = 5;

    private static final Duration IDLE = Duration.ofSeconds(20);

    @Test
    void startToReadyAndIdleMemory() throws Exception {
        var jar = Path.of("target", "mobayilo.jar");
        assertThat(jar).exists();
        var data = Files.createTempDirectory("mobayilo-bench");
        run(jar, data, true).close();
        var full = new ArrayList<Double>();
        var rss = new ArrayList<Double>();
        var coreOnly = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            try (var run = run(jar, data, true)) {
                full.add(run.readySeconds);
                Thread.sleep(IDLE.toMillis());
                rss.add(run.rssMegabytes());
            }
            try (var run = run(jar, data, false)) {
                coreOnly.add(run.readySeconds);
            }
        }
        BenchmarkReport.write("startup", """
                ## P6: start to ready and idle memory

                Command: `./mvnw -Pbench verify -Dit.test=StartupBenchmark` (the packaged `target/mobayilo.jar`, embedded PostgreSQL
                with an existing data folder, default JVM flags, %d runs; median (min–max)).

                | measure | Mobayilo (UI + core) | baseline: core-only deployment | goal |
                |---|---|---|---|
                | start to ready | %s s | %s s | ≤ 10 s |
                | RSS after %d s idle | %s MB | — | ≤ 700 MB |

                Ratio of start times (full / baseline): %.2f.
                """.formatted(RUNS, BenchmarkReport.spread(full, "%.2f"), BenchmarkReport.spread(coreOnly, "%.2f"), IDLE.toSeconds(),
                BenchmarkReport.spread(rss, "%.0f"), BenchmarkReport.median(full) / BenchmarkReport.median(coreOnly)));
        assertThat(full).hasSize(RUNS);
    }

    private static Run run(Path jar, Path data, boolean servers) throws Exception {
        var uiPort = freePort();
        var corePort = freePort();
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "--mobayilo.database.embedded.data-dir=" + data.resolve("postgres"), "--logging.level.root=warn"));
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

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
