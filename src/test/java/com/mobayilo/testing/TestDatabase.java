package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, or the server named by
 * {@code MOBAYILO_TEST_POSTGRES_URL} (for example {@code postgresql://postgres:secret@localhost:5432/postgres}).
 * Each caller gets a fresh, empty database on it.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static Server server;

    private TestDatabase() {
    }

    public static synchronized Database fresh() {
        var host = server();
        var name = "mobayilo_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (var connection = DriverManager.getConnection(host.jdbcUrl("postgres"), host.user(), host.password());
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name, ex);
        }
        return new Database(host, name);
    }

    private static Server server() {
        if (server == null) {
            var given = System.getenv("MOBAYILO_TEST_POSTGRES_URL");
            server = given == null || given.isBlank() ? embedded() : Server.of(URI.create(given));
        }
        return server;
    }

    private static Server embedded() {
        try {
            var postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            return new Server("localhost", postgres.getPort(), "postgres", "");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    record Server(String host, int port, String user, String password) {

        static Server of(URI uri) {
            var credentials = uri.getUserInfo() == null ? new String[] { "postgres", "" } : uri.getUserInfo().split(":", 2);
            return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), credentials[0], credentials.length > 1 ? credentials[1] : "");
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** One database: the properties that point Mobayilo at it. */
    public record Database(Server server, String name) {

        /** Migrates the schema and connects, for tests of SQL without the whole app. */
        public DatabaseClient migratedClient() {
            Flyway.configure().dataSource(server.jdbcUrl(name), server.user(), server.password()).load().migrate();
            var factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(
                    "r2dbc:pool:postgresql://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port() + "/" + name)
                    .mutate().option(io.r2dbc.pool.PoolingConnectionFactoryProvider.MAX_SIZE, 50).build());
            return DatabaseClient.create(factory);
        }

        public String[] arguments() {
            return new String[] {
                    "--spring.r2dbc.url=r2dbc:postgresql://" + server.host() + ":" + server.port() + "/" + name,
                    "--spring.r2dbc.username=" + server.user(),
                    "--spring.r2dbc.password=" + server.password(),
                    "--spring.flyway.url=" + server.jdbcUrl(name),
                    "--spring.flyway.user=" + server.user(),
                    "--spring.flyway.password=" + server.password() };
        }
    }
}
