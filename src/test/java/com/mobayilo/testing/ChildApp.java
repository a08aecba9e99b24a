package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The packaged jar ({@code target/mobayilo.jar}) in a process of its own, core server only, on a database the
 * test owns: what a crash test can {@code kill -9} and start again, as an operator's process manager would.
 */
public final class ChildApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;

    private final int corePort;

    private final Path log;

    private ChildApp(Process process, int corePort, Path log) {
        this.process = process;
        this.corePort = corePort;
        this.log = log;
    }

    /** Starts the jar with {@code arguments} (Spring properties) and waits until the core reports ready. */
    public static ChildApp start(Path log, String... arguments) {
        var jar = Path.of("target", "mobayilo.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package first: " + jar + " is missing");
        }
        var corePort = TestApp.freePort();
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "--mobayilo.ui.enabled=false", "--logging.level.root=warn", "--MOBAYILO_CORE_PORT=" + corePort));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            var child = new ChildApp(process, corePort, log);
            child.awaitReady();
            return child;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String coreUrl() {
        return "http://localhost:" + corePort;
    }

    /** Posts {@code body} to the app, signed with {@code signatureHeader}; a dead process is an {@link IllegalStateException}. */
    public HttpResponse<String> post(String path, String contentType, String signatureHeader, String signature, String body) {
        var request = HttpRequest.newBuilder(URI.create(coreUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header(signatureHeader, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("No answer: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Delivers each item 16 at a time and kills the app once {@code killAfter} were answered 200, so the rest are
     * cut off in flight or refused; returns how many were answered.
     */
    public <T> int deliverUntilKilled(List<T> deliveries, Function<T, HttpResponse<String>> deliver, int killAfter) {
        var answered = new AtomicInteger();
        try (var executor = Executors.newFixedThreadPool(16)) {
            for (var delivery : deliveries) {
                executor.submit(() -> {
                    try {
                        if (deliver.apply(delivery).statusCode() == 200 && answered.incrementAndGet() == killAfter) {
                            kill();
                        }
                    }
                    catch (RuntimeException cutOff) {
                        // the process is gone: the provider retries this delivery later
                    }
                });
            }
        }
        return answered.get();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Mobayilo exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var answer = HTTP.send(HttpRequest.newBuilder(URI.create(coreUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            sleep(100);
        }
        kill();
        throw new AssertionError("Mobayilo was not ready within 120 s; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
