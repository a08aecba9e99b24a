package com.mobayilo.retention;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.UserId;
import com.mobayilo.events.Streams;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Old operational rows go, newer ones and the ledger stay; a client resuming into purged history is told to reload. */
class RetentionIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestApp app;

    private static DatabaseClient db;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        db = app.bean(DatabaseClient.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void eventsOlderThanTheirPeriodGoButNewerOnesTheNewestAndTheLedgerStay() {
        var caller = newCaller();
        var old = credit(caller, 100);
        var recent = credit(caller, 200);
        var newest = credit(caller, 300);
        age("position in (" + old + ", " + newest + ")");
        var ledgerBefore = scalar("select (select count(*) from postings) + (select count(*) from journal_transactions)");

        purge();

        assertThat(scalar("select count(*) from events where position = " + old)).as("older than 7 days").isZero();
        assertThat(scalar("select count(*) from events where position = " + recent)).as("recent").isEqualTo(1);
        assertThat(scalar("select max(position) from events")).as("the newest stays: the sequencer numbers on from it").isEqualTo(newest);
        assertThat(scalar("select (select count(*) from postings) + (select count(*) from journal_transactions)")).as("ledger").isEqualTo(ledgerBefore);
        assertThat(app.bean(Ledger.class).walletOf(Owner.user(caller.user().id().value())).block().balance()).isEqualTo(Money.cents(600));
        assertThat(credit(caller, 1)).as("positions go on after a purge").isGreaterThan(newest);
    }

    @Test
    void finishedJobsCallbacksStripeEventsDeadPresenceAndEndedSessionKeysGoAfterTheirPeriods() {
        var user = newCaller().user().id();
        var tag = UUID.randomUUID().toString();
        db.sql("""
                insert into jobs (type, payload, done_at, failed_at, created_at) values
                  (:tag || '-done-old', '{}', now() - interval '8 days', null, now() - interval '60 days'),
                  (:tag || '-done-new', '{}', now() - interval '6 days', null, now() - interval '60 days'),
                  (:tag || '-failed-old', '{}', null, now() - interval '31 days', now() - interval '60 days'),
                  (:tag || '-failed-new', '{}', null, now() - interval '8 days', now() - interval '60 days'),
                  (:tag || '-waiting-old', '{}', null, null, now() - interval '60 days')""").bind("tag", tag).then().block();
        db.sql("update jobs set run_at = now() + interval '1 day' where type like :tag || '%'").bind("tag", tag).then().block();
        db.sql("insert into call_callbacks (call_sid, status, received_at) values (:tag, 'old', now() - interval '31 days'), (:tag, 'new', now() - interval '29 days')")
                .bind("tag", tag).then().block();
        db.sql("insert into stripe_events (id, type, received_at) values (:tag || '-old', 't', now() - interval '31 days'), (:tag || '-new', 't', now() - interval '4 days')")
                .bind("tag", tag).then().block();
        db.sql("""
                insert into seat_presence (user_id, instance_id, streams, seen_at) values
                  (:user, gen_random_uuid(), 2, now() - interval '11 minutes'), (:user, gen_random_uuid(), 1, now() - interval '1 minute')""")
                .bind("user", user.value()).then().block();
        var keys = app.bean(ApiKeys.class);
        var sessionKey = keys.sessionKey(user).block().key().id();
        var endedKey = keys.sessionKey(user).block().key().id();
        var revokedPersonal = keys.create(user, "old").block().key().id();
        db.sql("update api_keys set expires_at = now() - interval '2 days' where id = :id").bind("id", endedKey).then().block();
        db.sql("update api_keys set revoked_at = now() - interval '90 days' where id = :id").bind("id", revokedPersonal).then().block();

        purge();

        assertThat(db.sql("select substr(type, length(:tag) + 2) from jobs where type like :tag || '%' order by type").bind("tag", tag)
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("done-new", "failed-new", "waiting-old");
        assertThat(text("select string_agg(status, ',') from call_callbacks where call_sid = '" + tag + "'")).isEqualTo("new");
        assertThat(text("select string_agg(id, ',') from stripe_events where id like '" + tag + "%'")).isEqualTo(tag + "-new");
        assertThat(scalar("select count(*) from seat_presence where user_id = '" + user.value() + "'")).as("the live instance's row").isEqualTo(1);
        assertThat(text("select string_agg(id::text, ',') from api_keys where kind = 'UI_SESSION' and user_id = '" + user.value() + "'"))
                .isEqualTo(sessionKey.toString());
        assertThat(scalar("select count(*) from api_keys where id = '" + revokedPersonal + "'")).as("personal keys stay listed").isEqualTo(1);
    }

    @Test
    void aClientResumingFromBeforePurgedEventsGetsAStreamResetThenLiveEvents() {
        var caller = newCaller();
        var seen = credit(caller, 100);
        var missed = credit(caller, 200);
        credit(newCaller(), 1); // someone else's, newer: the caller's own events may all go
        age("position in (" + seen + ", " + missed + ")");
        purge();

        try (var resumed = SseClient.connect(app.coreUrl(), caller.key(), Long.toString(seen))) {
            var reset = resumed.next(1, WAIT).getFirst();
            assertThat(reset.event()).isEqualTo("stream.reset");
            assertThat(Long.parseLong(reset.id())).isGreaterThan(missed);
            assertThat(reset.data()).contains("\"reason\":\"expired\"").contains("\"resumedFrom\":" + seen);
            credit(caller, 400);
            var live = resumed.next(1, WAIT).getFirst();
            assertThat(live.event()).isEqualTo("balance.changed");
            assertThat(live.data()).contains("\"balanceCents\": 700");
        }
    }

    @Test
    void aClientResumingAfterThePurgedEventsGetsNoReset() {
        var caller = newCaller();
        var gone = credit(caller, 100);
        var seen = credit(caller, 200);
        credit(newCaller(), 1);
        age("position = " + gone);
        purge();

        try (var resumed = SseClient.connect(app.coreUrl(), caller.key(), Long.toString(seen))) {
            credit(caller, 300);
            assertThat(resumed.next(1, WAIT)).singleElement().satisfies(event -> {
                assertThat(event.event()).isEqualTo("balance.changed");
                assertThat(event.data()).contains("\"balanceCents\": 600");
            });
        }
    }

    private static void purge() {
        app.bean(Retention.class).purge().block();
    }

    /** Makes these events eight days old: past the default seven. */
    private static void age(String events) {
        db.sql("update events set created_at = now() - interval '8 days' where " + events).then().block();
    }

    private static long scalar(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private static String text(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).one().block();
    }

    private static Caller newCaller() {
        User user = app.bean(Registration.class).signUp(new SignUp("keep-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "Retention Tester", "retention-tester-password", "BE", Locale.ENGLISH)).block();
        var key = app.bean(ApiKeys.class).create(user.id(), "tests").block().secret();
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id();
        return new Caller(user, key, wallet);
    }

    /** Credits and answers the position of the caller's event about it, once it is placed. */
    private static long credit(Caller caller, long cents) {
        var before = newestOf(caller);
        app.bean(Ledger.class).credit(caller.wallet(), Money.cents(cents),
                JournalEntry.of(TransactionKind.PROMOTION, "TEST", "retention", "test credit", UUID.randomUUID().toString())).block();
        return Awaitility.await().atMost(WAIT).until(() -> newestOf(caller), position -> position > before);
    }

    private static long newestOf(Caller caller) {
        return db.sql("select coalesce(max(position), 0) from events where stream = :stream")
                .bind("stream", Streams.wallet(caller.wallet().value())).map(row -> row.get(0, Long.class)).one().block();
    }

    record Caller(User user, String key, WalletId wallet) {
    }
}
