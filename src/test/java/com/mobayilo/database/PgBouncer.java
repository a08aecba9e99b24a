package com.mobayilo.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.testing.TestApp;

import static org.awaitility.Awaitility.await;

/**
 * Debian's PgBouncer in transaction mode, as a child process on a free port in front of a test PostgreSQL. PgBouncer
 * refuses to run as root, so under root it runs as {@code nobody} (setpriv) with its files readable by everyone.
 */
final class PgBouncer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;

    private final int port;

    private final Path directory;

    private PgBouncer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    static PgBouncer inTransactionMode(String postgresHost, int postgresPort, String user) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install pgbouncer (.ci/run installs it)");
        }
        try {
            var directory = Files.createTempDirectory("pgbouncer");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            var port = TestApp.freePort();
            var users = Files.writeString(directory.resolve("userlist.txt"), "\"" + user + "\" \"\"\n");
            var ini = Files.writeString(directory.resolve("pgbouncer.ini"), """
                    [databases]
                    * = host=%s port=%d
                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %d
                    unix_socket_dir =
                    auth_type = trust
                    auth_file = %s
                    pool_mode = transaction
                    max_client_conn = 200
                    default_pool_size = 8
                    ignore_startup_parameters = extra_float_digits
                    """.formatted(postgresHost, postgresPort, port, users));
            for (var file : List.of(users, ini)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
            var command = new ArrayList<String>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            command.addAll(List.of(BINARY.toString(), ini.toString()));
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
            var bouncer = new PgBouncer(process, port, directory);
            await().atMost(Duration.ofSeconds(10)).until(bouncer::accepts);
            return bouncer;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int port() {
        return port;
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("pgbouncer exited with " + process.exitValue());
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try (var files = Files.list(directory)) {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            for (var file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException("Could not clean up " + directory, ex);
        }
    }
}
