package com.mobayilo.events;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mobayilo.events.EventStreamIntegrationTests.Caller;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.events.EventStreamIntegrationTests.credit;
import static com.mobayilo.events.EventStreamIntegrationTests.newCaller;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, section 1: every committed event reaches every subscriber exactly once, in one order every replica
 * agrees on, whatever order transactions commit in (docs/decisions/0032-events-in-commit-order.md). Two instances
 * share one database; the second does not LISTEN and reads the table every 3 s, as behind a pooler without a direct
 * connection, so that it lags behind the first.
 */
class EventOrderIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static TestApp first;

    private static TestApp lagging;

    @BeforeAll
    static void start() {
        first = TestApp.start();
        lagging = first.another("--mobayilo.events.listen=false", "--mobayilo.events.poll-interval=PT3S");
    }

    @AfterAll
    static void stop() {
        lagging.close();
        first.close();
    }

    /**
     * The first repro, larger: a transaction appends an event and commits 5 s later, while 200 other
     * events commit. Before, the hub skipped the slow event's id after 2 s, and no one ever received it.
     */
    @Test
    void anEventCommittedFiveSecondsLateReachesEveryoneOnceAndTheOthersDoNotWaitForIt() throws Exception {
        var caller = newCaller(first);
        var before = marker(caller);
        // The lagging instance's "now" may be before the marker: its subscriber says where it is, as a client would.
        try (var onFirst = SseClient.connect(first.coreUrl(), caller.key()); var onSecond = SseClient.connect(lagging.coreUrl(), caller.key(), before)) {
            var inserted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var slow = CompletableFuture.runAsync(() -> appendAndCommitLate(caller, inserted, release, Duration.ofSeconds(5)));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 200; i++) {
                credit(first, caller.wallet(), 1);
            }
            // The slow writer commits only once these 200 have arrived: they cannot have waited for it.
            var fast = onFirst.next(200, WAIT);
            assertThat(fast).hasSize(200).allMatch(event -> event.event().equals("balance.changed"));
            release.countDown();
            slow.get(20, TimeUnit.SECONDS);
            var late = onFirst.next(1, WAIT);
            assertThat(late).singleElement().satisfies(event -> assertThat(event.event()).isEqualTo("test.slow"));
            var all = new ArrayList<>(fast);
            all.addAll(late);
            assertThat(onSecond.next(201, WAIT)).extracting(ServerSentEvent::id).containsExactlyElementsOf(ids(all));
            assertThat(onFirst.drain(Duration.ofMillis(700))).isEmpty();
            assertThat(onSecond.drain(Duration.ofMillis(100))).isEmpty();
            for (var instance : List.of(first, lagging)) {
                try (var resumed = SseClient.connect(instance.coreUrl(), caller.key(), before)) {
                    assertThat(resumed.next(201, WAIT)).extracting(ServerSentEvent::id).containsExactlyElementsOf(ids(all));
                    assertThat(resumed.drain(Duration.ofMillis(700))).isEmpty();
                }
            }
        }
    }

    /**
     * The second repro: read event N on one replica, reconnect to a replica that has not read it yet with
     * {@code Last-Event-ID: N}. Before, N came again in 10 of 10 rounds.
     */
    @Test
    void resumingAtALaggingReplicaSendsNothingTheClientAlreadyHas() {
        var caller = newCaller(first);
        var hub = lagging.bean(EventHub.class);
        int lagged = 0;
        for (int round = 0; round < 10; round++) {
            String seen;
            try (var stream = SseClient.connect(first.coreUrl(), caller.key())) {
                // Appended without the commit bell, as by an instance that died before it could ring.
                append(first, caller, "test.unannounced");
                seen = stream.next(1, WAIT).getFirst().id();
            }
            lagged += hub.horizon() < Long.parseLong(seen) ? 1 : 0;
            try (var resumed = SseClient.connect(lagging.coreUrl(), caller.key(), seen)) {
                credit(first, caller.wallet(), 5);
                var next = resumed.next(1, WAIT);
                assertThat(next).as("round %d", round).singleElement().satisfies(event -> assertThat(event.event()).isEqualTo("balance.changed"));
                assertThat(Long.parseLong(next.getFirst().id())).isGreaterThan(Long.parseLong(seen));
                assertThat(resumed.drain(Duration.ofMillis(300))).as("round %d", round).isEmpty();
            }
        }
        assertThat(lagged).as("rounds in which the second replica had not read the event yet").isPositive();
    }

    /** The id of an event appended now, for resuming "from before" what a test does next. */
    private static String marker(Caller caller) {
        try (var stream = SseClient.connect(first.coreUrl(), caller.key())) {
            credit(first, caller.wallet(), 1);
            return stream.next(1, WAIT).getFirst().id();
        }
    }

    /** Appends an event, then commits no sooner than {@code late} and not before {@code release}: the slow writer. */
    private static void appendAndCommitLate(Caller caller, CountDownLatch inserted, CountDownLatch release, Duration late) {
        try (var connection = first.jdbc()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("insert into events (stream, type, payload) values (?, 'test.slow', '{}'::jsonb)")) {
                insert.setString(1, Streams.wallet(caller.wallet().value()));
                insert.executeUpdate();
            }
            inserted.countDown();
            Thread.sleep(late.toMillis());
            release.await(60, TimeUnit.SECONDS);
            connection.commit();
        }
        catch (SQLException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void append(TestApp app, Caller caller, String type) {
        app.bean(DatabaseClient.class).sql("insert into events (stream, type, payload) values (:stream, :type, '{}'::jsonb)")
                .bind("stream", Streams.wallet(caller.wallet().value())).bind("type", type).then().block();
    }

    private static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::id).toList();
    }
}
