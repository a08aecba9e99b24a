package com.mobayilo.events;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v1/events}: live, resumable, shared across instances, and surviving a lost listener. */
class EventStreamIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void aSubscriberReceivesItsBalanceChangesWithIds() {
        var caller = newCaller(app);
        try (var stream = SseClient.connect(app.coreUrl(), caller.key())) {
            credit(app, caller.wallet(), 700);
            var events = stream.next(1, WAIT);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.event()).isEqualTo("balance.changed");
                assertThat(event.id()).matches("\\d+");
                assertThat(event.data()).contains("\"balanceCents\": 700").contains("\"availableCents\": 700");
            });
        }
    }

    @Test
    void aClientResumingWithLastEventIdMissesNothingAndGetsNothingTwice() {
        var caller = newCaller(app);
        String lastSeen;
        try (var stream = SseClient.connect(app.coreUrl(), caller.key())) {
            credit(app, caller.wallet(), 100);
            lastSeen = stream.next(1, WAIT).getFirst().id();
        }
        credit(app, caller.wallet(), 200);
        credit(app, caller.wallet(), 300);
        try (var resumed = SseClient.connect(app.coreUrl(), caller.key(), lastSeen)) {
            credit(app, caller.wallet(), 400);
            var events = resumed.next(3, WAIT);
            assertThat(balances(events)).containsExactly(300L, 600L, 1000L);
            assertThat(ids(events)).isSorted().doesNotHaveDuplicates().allMatch(id -> id > Long.parseLong(lastSeen));
            assertThat(resumed.drain(Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    void aSubscriberSeesOnlyItsOwnStreams() {
        var alice = newCaller(app);
        var bob = newCaller(app);
        try (var aliceStream = SseClient.connect(app.coreUrl(), alice.key())) {
            credit(app, bob.wallet(), 999);
            credit(app, alice.wallet(), 111);
            assertThat(balances(aliceStream.next(1, WAIT))).containsExactly(111L);
            assertThat(aliceStream.drain(Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    void anEventCommittedOnOneInstanceReachesASubscriberOnAnother() {
        var caller = newCaller(app);
        try (var second = app.another()) {
            try (var stream = SseClient.connect(second.coreUrl(), caller.key())) {
                credit(app, caller.wallet(), 250);
                assertThat(balances(stream.next(1, WAIT))).containsExactly(250L);
            }
        }
    }

    @Test
    void aKilledListenerConnectionReconnectsAndCatchesUp() {
        var caller = newCaller(app);
        var db = app.bean(DatabaseClient.class);
        try (var stream = SseClient.connect(app.coreUrl(), caller.key())) {
            var killed = db.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name like '%/listen' and datname = current_database()")
                    .map(row -> row.get(0, Long.class)).one().block();
            assertThat(killed).isGreaterThanOrEqualTo(1);
            credit(app, caller.wallet(), 50);
            credit(app, caller.wallet(), 60);
            assertThat(balances(stream.next(2, WAIT))).containsExactly(50L, 110L);
            await().atMost(WAIT).until(() -> db.sql("select count(*) from pg_stat_activity where application_name like '%/listen' and datname = current_database()")
                    .map(row -> row.get(0, Long.class)).one().block() >= 1);
            credit(app, caller.wallet(), 70);
            assertThat(balances(stream.next(1, WAIT))).containsExactly(180L);
        }
    }

    @Test
    void theStreamNeedsAValidApiKey() {
        var response = get(app.coreUrl() + "/api/v1/events", "Authorization", "Bearer mby_00000000_nope", "Accept-Language", "fr");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("clé d’API");
        assertThat(get(app.coreUrl() + "/api/v1/events").statusCode()).isEqualTo(401);
    }

    @Test
    void theWalletApiAnswersBalanceAndAvailableCredit() {
        var caller = newCaller(app);
        credit(app, caller.wallet(), 1234);
        var response = get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + caller.key());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"balanceCents\":1234,\"heldCents\":0,\"availableCents\":1234,\"currency\":\"USD\"}");
    }

    static Caller newCaller(TestApp app) {
        User user = app.bean(Registration.class).signUp(new SignUp("sse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "Stream Tester", "stream-tester-password", "BE", Locale.ENGLISH)).block();
        var key = app.bean(ApiKeys.class).create(user.id(), "tests").block().secret();
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id();
        return new Caller(key, wallet);
    }

    static void credit(TestApp app, WalletId wallet, long cents) {
        app.bean(Ledger.class).credit(wallet, Money.cents(cents),
                JournalEntry.of(TransactionKind.PROMOTION, "TEST", "sse", "test credit", UUID.randomUUID().toString())).block();
    }

    private static List<Long> balances(List<ServerSentEvent<String>> events) {
        return events.stream().map(event -> Long.parseLong(event.data().replaceAll(".*\"balanceCents\": ?(-?\\d+).*", "$1"))).toList();
    }

    private static List<Long> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(event -> Long.parseLong(event.id())).toList();
    }

    record Caller(String key, WalletId wallet) {
    }
}
