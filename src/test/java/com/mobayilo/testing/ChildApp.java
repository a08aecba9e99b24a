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
 * The packaged jar ({@code target/mobayilo.jar}) in a process of its own, core server only unless started as a
 * {@link Replica} with the UI, on a database the test owns: what a crash test can {@code kill -9} and start again, as
 * an operator's process manager would, and what a replica test starts two of.
 */
public final class ChildApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;

    private final int corePort;

    private final int uiPort;

    private final Path log;

    private ChildApp(Process process, int corePort, int uiPort, Path log) {
        this.process = process;
        this.corePort = corePort;
        this.uiPort = uiPort;
        this.log = log;
    }

    /** Starts the jar with {@code arguments} (Spring properties) and waits until the core reports ready. */
    public static ChildApp start(Path log, String... arguments) {
        var child = launch(log, Replica.coreOnly(null), arguments);
        child.awaitReady();
        return child;
    }

    /**
     * Starts one replica per entry of {@code replicas}, all at once (as a deployment rolls out), each with the same
     * {@code arguments}, and waits until every one is ready; each logs to {@code <name>.log} in {@code logs}.
     */
    public static List<ChildApp> startTogether(Path logs, List<Replica> replicas, String... arguments) {
        var children = replicas.stream().map(replica -> launch(logs.resolve(replica.name() + ".log"), replica, arguments)).toList();
        try {
            children.forEach(ChildApp::awaitReady);
        }
        catch (AssertionError notReady) {
            children.forEach(ChildApp::kill);
            throw notReady;
        }
        return children;
    }

    /** Starts {@code replica} again (after a kill, say) with {@code arguments}, and waits until it is ready. */
    public static ChildApp restart(Path logs, Replica replica, String... arguments) {
        return startTogether(logs, List.of(replica), arguments).getFirst();
    }

    private static ChildApp launch(Path log, Replica replica, String... arguments) {
        var jar = Path.of("target", "mobayilo.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package first: " + jar + " is missing");
        }
        var corePort = TestApp.freePort();
        var uiPort = replica.ui() ? TestApp.freePort() : 0;
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "--logging.level.root=warn", "--MOBAYILO_CORE_PORT=" + corePort));
        command.add(replica.ui() ? "--MOBAYILO_UI_PORT=" + uiPort : "--mobayilo.ui.enabled=false");
        command.addAll(List.of(arguments));
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (replica.name() != null) {
                // what Kubernetes sets in a pod: the replica's name in cluster_tasks.ran_by and in application_name
                builder.environment().put("HOSTNAME", replica.name());
            }
            return new ChildApp(builder.start(), corePort, uiPort, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** How a replica is started: its name (its {@code HOSTNAME}), and whether it also serves the UI on a port of its own. */
    public record Replica(String name, boolean ui) {

        public static Replica coreOnly(String name) {
            return new Replica(name, false);
        }

        public static Replica withUi(String name) {
            return new Replica(name, true);
        }
    }

    /** The UI server's address; only for a replica started {@link Replica#withUi with the UI}. */
    public String uiUrl() {
        if (uiPort == 0) {
            throw new IllegalStateException("This replica was started without the UI");
        }
        return "http://localhost:" + uiPort;
    }

    public boolean isAlive() {
        return process.isAlive();
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

    /** SIGTERM, as Kubernetes sends it after the pre-stop hook; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Whether the process has exited within {@code timeout}. */
    public boolean exitsWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
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
                throw new AssertionError("Mobayilo exited with " + process.exitValue() + "; the end of " + log + ":\n" + tail(log));
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

    /** The last lines of a replica's log, for a failure message: the log's folder is gone once the test class ends. */
    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException ex) {
            return "(unreadable: " + ex + ")";
        }
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
