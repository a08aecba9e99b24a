package com.mobayilo.database;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.testing.TestApp;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Timeouts and names of the app's connections to PostgreSQL (docs/decisions/0034-database-connections.md). */
class DatabaseConnectionsIntegrationTests {

    private static final int POOL_SIZE = 4;

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("--HOSTNAME=replica-7", "--mobayilo.database.statement-timeout=PT1S", "--mobayilo.database.acquire-timeout=PT0.5S",
                "--spring.r2dbc.pool.max-size=" + POOL_SIZE);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aStatementLongerThanTheStatementTimeoutFailsWithAClearError() {
        var started = System.nanoTime();
        var failure = catchThrowable(() -> app.bean(DatabaseClient.class).sql("select pg_sleep(5)").fetch().rowsUpdated().block());
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).hasStackTraceContaining("canceling statement due to statement timeout");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000));
    }

    @Test
    void acquiringFromAnExhaustedPoolFailsFast() {
        var pool = app.bean(ConnectionFactory.class);
        var held = new ArrayList<Connection>();
        try {
            // The app's own work borrows connections too: take each one as it comes back, until this test holds them all.
            for (int i = 0; i < POOL_SIZE; i++) {
                held.add(Mono.from(pool.create()).retry(100).block(Duration.ofSeconds(60)));
            }
            var started = System.nanoTime();
            var failure = catchThrowable(() -> Mono.from(pool.create()).block(Duration.ofSeconds(30)));
            var took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure).isNotNull().hasStackTraceContaining("500");
            assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofMillis(2000));
        }
        finally {
            Flux.fromIterable(held).concatMap(Connection::close).blockLast(Duration.ofSeconds(10));
        }
    }

    @Test
    void everyConnectionNamesItsReplicaAndRole() throws SQLException {
        await().atMost(Duration.ofSeconds(15)).until(this::applicationNames, names -> names.containsAll(List.of("replica-7/pool", "replica-7/listen")));
        assertThat(applicationNames()).doesNotContain("r2dbc-postgresql");
        assertThat(app.bean(DatabaseClient.class).sql("show statement_timeout").map(row -> row.get(0, String.class)).one().block()).isEqualTo("1s");
        var migration = app.bean(FlywayConnectionDetails.class);
        try (var connection = DriverManager.getConnection(migration.getJdbcUrl(), migration.getUsername(), migration.getPassword());
                var statement = connection.createStatement();
                var settings = statement.executeQuery("select current_setting('application_name'), current_setting('statement_timeout')")) {
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("replica-7/migrate");
            assertThat(settings.getString(2)).as("migrations are not cut short").isEqualTo("0");
            assertThat(applicationNames()).contains("replica-7/migrate");
        }
    }

    private List<String> applicationNames() throws SQLException {
        try (var connection = app.jdbc();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select distinct application_name from pg_stat_activity where datname = current_database()")) {
            var names = new ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
