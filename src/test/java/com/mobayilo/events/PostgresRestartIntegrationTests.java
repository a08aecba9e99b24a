package com.mobayilo.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.events.EventStreamIntegrationTests.credit;
import static com.mobayilo.events.EventStreamIntegrationTests.newCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarts under a running app with a live event stream open. The app's connections and its LISTEN
 * connection come back by themselves; a client that resumes with the last id it saw gets every event committed since,
 * once each, and new events reach subscribers live again.
 */
class PostgresRestartIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path data;

    @Test
    void clientsResumingAfterAPostgresRestartMissNothingAndTheListenerComesBack() throws IOException {
        var port = TestApp.freePort();
        var postgres = start(data, port);
        try (var app = TestApp.on(arguments(port), "--mobayilo.ui.enabled=false")) {
            var caller = newCaller(app);
            var received = new TreeMap<Long, ServerSentEvent<String>>();
            var stream = SseClient.connect(app.coreUrl(), caller.key());
            credit(app, caller.wallet(), 100);
            credit(app, caller.wallet(), 200);
            stream.next(2, WAIT).forEach(event -> received.put(Long.parseLong(event.id()), event));
            assertThat(received).hasSize(2);

            postgres.close();
            postgres = start(data, port);

            // The first statements after the restart may meet connections the restart broke; the pool replaces them.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> app.bean(DatabaseClient.class).sql("select 1").map(row -> 1).one().block() == 1);
            credit(app, caller.wallet(), 300);
            credit(app, caller.wallet(), 400);
            stream.drain(Duration.ofSeconds(2)).forEach(event -> received.put(Long.parseLong(event.id()), event));
            stream.close();

            var lastSeen = received.lastKey().toString();
            try (var resumed = SseClient.connect(app.coreUrl(), caller.key(), lastSeen)) {
                var missed = 4 - received.size();
                var resumedEvents = resumed.next(missed, WAIT);
                assertThat(resumedEvents).hasSize(missed).allMatch(event -> Long.parseLong(event.id()) > Long.parseLong(lastSeen));
                resumedEvents.forEach(event -> received.put(Long.parseLong(event.id()), event));
                assertThat(balances(new ArrayList<>(received.values()))).containsExactly(100L, 300L, 600L, 1000L);

                // The listener is back: an event committed now reaches the open stream live, once.
                credit(app, caller.wallet(), 500);
                assertThat(balances(resumed.next(1, WAIT))).containsExactly(1500L);
                assertThat(resumed.drain(Duration.ofMillis(700))).isEmpty();
            }
        }
        finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30)).start();
    }

    private static String[] arguments(int port) {
        return new String[] {
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + port + "/postgres",
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=",
                "--spring.flyway.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.flyway.user=postgres",
                "--spring.flyway.password=" };
    }

    private static List<Long> balances(List<ServerSentEvent<String>> events) {
        return events.stream().map(event -> Long.parseLong(event.data().replaceAll(".*\"balanceCents\": ?(-?\\d+).*", "$1"))).toList();
    }
}
