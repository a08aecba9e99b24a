package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own, which the test may stop, start again on the same data and port, or freeze: SIGSTOP
 * of the postmaster and every backend, as a primary hung on its storage or paused by its hypervisor looks from the
 * app (it answers nothing, not even an error). Never the shared {@link TestDatabase}.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path data;

    private final int port;

    private EmbeddedPostgres postgres;

    public OwnPostgres(Path data) {
        this.data = data;
        this.port = TestApp.freePort();
        start();
    }

    public void start() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30)).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public void stop() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Stops every PostgreSQL process until the returned handle is closed (always close it, in a finally). */
    public Frozen freeze() {
        var postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        var processes = new ArrayList<ProcessHandle>();
        processes.add(postmaster);
        postmaster.descendants().forEach(processes::add);
        signal("STOP", processes);
        return new Frozen(processes);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        var command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        try {
            var exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0 && "STOP".equals(signal)) {
                throw new IllegalStateException("kill -STOP failed: " + exit);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The properties that point the app at this PostgreSQL. */
    public String[] arguments() {
        return new String[] {
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + port + "/postgres",
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=",
                "--spring.flyway.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=" };
    }

    @Override
    public void close() {
        stop();
    }

    /** Frozen PostgreSQL processes; closing sends SIGCONT to every one of them. */
    public static final class Frozen implements AutoCloseable {

        private final List<ProcessHandle> processes;

        private Frozen(List<ProcessHandle> processes) {
            this.processes = processes;
        }

        public int processes() {
            return processes.size();
        }

        @Override
        public void close() {
            signal("CONT", processes);
        }
    }
}
