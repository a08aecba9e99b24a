package com.mobayilo.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.bench.CallLoad;
import com.mobayilo.bench.CrossReplicaLag;
import com.mobayilo.calls.SignedWebhooks;
import com.mobayilo.calls.Telephony;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.ChildApp;
import com.mobayilo.testing.ChildApp.Replica;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestDatabase;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Texts;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.mobayilo.events.EventStreamIntegrationTests.credit;
import static com.mobayilo.events.EventStreamIntegrationTests.newCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, section 2: two replicas of the packaged jar, each a process of its own, on one PostgreSQL the test owns
 * (docs/decisions/0033-replicas.md). Replica A serves the core only, replica B the core and the UI; both start at
 * once on the empty database. A third, in-process instance only sets data up (users, keys, credit), as an operator's
 * tools would; it runs the same scheduled tasks, so it counts as a third replica where that matters. The replicas
 * are started once for the class, and the test that kills B runs after the others; the last one starts a replica C to
 * stop it with SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIntegrationTests {

    private static final String AUTH_TOKEN = "replicas-test-twilio-auth-token";

    /** Every cluster-wide task runs each second here, so that a few seconds show whether it ran once or once per replica. */
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private static final List<String> CLUSTER_TASKS = List.of("ledger.check", "holds.expiry", "calls.stale-scan", "payments.stripe-reconciliation",
            "payments.auto-recharge-scan", "rate-limits.purge", "retention.purge");

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path logs;

    private static GreenMail smtp;

    private static ChildApp a;

    private static ChildApp b;

    private static TestApp setup;

    /** The database every instance here shares, as the arguments that point an app at it. */
    private static String[] database;

    private static Telephony phone;

    private static final SignedWebhooks twilio = new SignedWebhooks(AUTH_TOKEN);

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = TestDatabase.fresh().arguments();
        var replicas = ChildApp.startTogether(logs, List.of(Replica.coreOnly("replica-a"), Replica.withUi("replica-b")),
                sharedArguments(withInfoLogs(database)));
        a = replicas.get(0);
        b = replicas.get(1);
        setup = TestApp.on(database, sharedArguments("--mobayilo.ui.enabled=false"));
        phone = new Telephony(setup);
        CallLoad.allowManyCalls(setup);
    }

    @AfterAll
    static void stop() {
        for (var closable : new AutoCloseable[] { a, b, setup }) {
            try {
                if (closable != null) {
                    closable.close();
                }
            }
            catch (Exception ex) {
                // closing the others matters more
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void aCallbackPostedToAReachesTheCallersSubscriberOnBWithinMilliseconds() throws Exception {
        var caller = phone.caller(10_000_000);
        var key = setup.bean(ApiKeys.class).create(caller.id(), "replicas").block().secret();
        var lags = new CrossReplicaLag(twilio, phone.identityOf(caller), key).measure(a.coreUrl(), b.coreUrl(), 100);

        var p50 = CrossReplicaLag.percentile(lags, 50);
        var p99 = CrossReplicaLag.percentile(lags, 99);
        System.out.printf(Locale.ROOT, "Callback on A → call.updated on B: %d events, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", lags.size(), p50, p99,
                CrossReplicaLag.percentile(lags, 100));
        assertThat(lags).hasSize(200);
        // NOTIFY carries it across in milliseconds; a second allows for a loaded CI machine, not for the 500 ms poll alone
        assertThat(p99).as("p99 in ms").isLessThan(1_000);
    }

    @Test
    @Order(2)
    void jobsQueuedOnceRunOnceWhicheverReplicaClaimsThem() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ids = db().sql("""
                        insert into jobs (type, payload)
                        select 'mail.send', jsonb_build_object('to', 'job-' || i || '-' || :run || '@example.com', 'subject', 'Replicas ' || i, 'text', 'once')
                        from generate_series(1, 60) as i returning id""")
                .bind("run", run).map(row -> row.get("id", Long.class)).all().collectList().block();

        await().atMost(WAIT).until(() -> count("select count(*) from jobs where id = any(:ids) and done_at is not null", ids) == 60);

        var received = recipients(run);
        assertThat(received).hasSize(60).allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1));
        assertThat(count("select count(*) from jobs where id = any(:ids) and attempts = 1", ids)).as("claimed once each").isEqualTo(60);
    }

    @Test
    @Order(3)
    void aRateLimitHitPartlyOnAAndPartlyOnBIsOneLimit() {
        var caller = phone.caller(0);
        var key = setup.bean(ApiKeys.class).create(caller.id(), "replicas").block().secret();
        // 20 tokens per person in 10 minutes (calls.twilio.VoiceTokens.PER_USER), asked half at each replica
        for (int i = 0; i < 10; i++) {
            assertThat(token(a, key).statusCode()).as("token %d at A", i + 1).isEqualTo(200);
            assertThat(token(b, key).statusCode()).as("token %d at B", i + 1).isEqualTo(200);
        }
        assertThat(token(a, key).statusCode()).isEqualTo(429);
        assertThat(token(b, key).statusCode()).isEqualTo(429);
    }

    @Test
    @Order(4)
    void everyClusterTaskRunsOncePerPeriodNotOncePerReplica() {
        var before = clusterRuns();
        var started = System.nanoTime();
        // at least five periods of every task, whoever ran them
        await().atMost(WAIT).until(() -> CLUSTER_TASKS.stream().allMatch(task -> clusterRuns().getOrDefault(task, 0L) - before.getOrDefault(task, 0L) >= 5));
        var after = clusterRuns();
        var periods = (System.nanoTime() - started) / PERIOD.toNanos();

        for (var task : CLUSTER_TASKS) {
            // once per replica would be three times as many: A, B and the in-process instance all wake each period
            assertThat(after.get(task) - before.getOrDefault(task, 0L)).as("%s runs in %d periods", task, periods).isLessThanOrEqualTo(periods + 1);
        }
        assertThat(db().sql("select distinct ran_by from cluster_tasks").map(row -> row.get("ran_by", String.class)).all().collectList().block())
                .isNotEmpty().allSatisfy(replica -> assertThat(replica).isNotBlank());
        var metrics = Http.get(a.coreUrl() + "/actuator/prometheus").body() + Http.get(b.coreUrl() + "/actuator/prometheus").body();
        assertThat(metrics).contains("mobayilo_cluster_tasks_runs_total{");
    }

    @Test
    @Order(5)
    void aPersonSignedInOnBSeesTheBalanceChangeOfACallBilledThroughA() {
        var caller = phone.caller(1_000);
        var texts = Texts.of("en-US");
        var page = browser.visitor("en-US");
        signIn(b, page, texts, caller.email().value());
        page.navigate(b.uiUrl() + "/wallet");
        var header = page.locator("#header-balance");
        assertThat(header).hasText(Money.cents(1_000).format(texts.locale()));

        var sid = Telephony.newSid();
        var leg = Telephony.newSid();
        assertThat(twilio.voice(a.coreUrl(), sid, phone.identityOf(caller), "+243812345678").statusCode()).isEqualTo(200);
        assertThat(twilio.status(a.coreUrl(), sid, leg, "in-progress", null).statusCode()).isEqualTo(200);
        assertThat(twilio.status(a.coreUrl(), sid, leg, "completed", 60).statusCode()).isEqualTo(200);

        // one started minute at 22 credits, settled by A, shown by B's UI from its own core's stream
        assertThat(header).hasText(Money.cents(978).format(texts.locale()));
    }

    @Test
    @Order(6)
    void twoReplicasStartingTogetherOnAnEmptyDatabaseBothComeUpAndSeedOnce() {
        var empty = TestDatabase.fresh();
        var replicas = ChildApp.startTogether(logs, List.of(Replica.coreOnly("seed-a-" + empty.name()), Replica.coreOnly("seed-b-" + empty.name())),
                empty.arguments());
        try {
            assertThat(replicas).allSatisfy(replica -> assertThat(Http.get(replica.coreUrl() + "/actuator/health/readiness").body()).contains("\"UP\""));
            var seeded = empty.migratedClient();
            assertThat(one(seeded, "select count(*) from users where email in ('demo@mobayilo.test', 'ops@mobayilo.test', 'admin@acme.test')")).isEqualTo(3);
            assertThat(one(seeded, "select count(*) from companies")).isEqualTo(1);
            assertThat(one(seeded, "select count(*) from journal_transactions where idempotency_key like 'demo-credit:%'")).isEqualTo(2);
            assertThat(one(seeded, "select count(*) from events where type = 'rate-deck.changed'")).isEqualTo(1);
        }
        finally {
            replicas.forEach(ChildApp::close);
        }
    }

    @Test
    @Order(7)
    void killingBMidStreamThenResumingAtALosesNothingAndRepeatsNothing() throws Exception {
        var caller = newCaller(setup);
        var onB = SseClient.connect(b.coreUrl(), caller.key());
        var writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                credit(setup, caller.wallet(), 1);
                // paced, so that B dies with most of the stream still to come rather than after it
                pause(Duration.ofMillis(10));
            }
        });
        var beforeKill = new ArrayList<>(onB.next(100, WAIT));
        assertThat(beforeKill).hasSize(100);
        b.kill();
        beforeKill.addAll(onB.drain(Duration.ofMillis(300)));
        onB.close();
        assertThat(writes.isDone()).as("events were still being written when B died").isFalse();

        var lastSeen = beforeKill.getLast().id();
        try (var onA = SseClient.connect(a.coreUrl(), caller.key(), lastSeen)) {
            var afterResume = onA.next(300 - beforeKill.size(), WAIT);
            writes.get(30, java.util.concurrent.TimeUnit.SECONDS);
            var all = new ArrayList<>(beforeKill);
            all.addAll(afterResume);
            // each credit adds one cent: the balances 1..300, in order, are every event once
            assertThat(all.stream().map(ReplicasIntegrationTests::balance).toList())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 300).boxed().toList());
            assertThat(onA.drain(Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    @Order(8)
    void sigtermEndsEveryStreamWithinTwoSecondsWithARetryHintAndTheClientCarriesOnAtA() throws Exception {
        var c = ChildApp.restart(logs, Replica.coreOnly("replica-c"), sharedArguments(withInfoLogs(database)));
        var caller = newCaller(setup);
        try (var onC = SseClient.connect(c.coreUrl(), caller.key())) {
            credit(setup, caller.wallet(), 1);
            var seen = onC.next(1, WAIT);
            assertThat(seen).hasSize(1);

            var asked = System.nanoTime();
            c.terminate();
            assertThat(onC.endsWithin(Duration.ofSeconds(2))).as("the stream ended within 2 s of SIGTERM").isTrue();
            var ended = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(onC.comments()).last().satisfies(goodbye -> {
                assertThat(goodbye.comment()).isEqualTo("shutting down");
                assertThat(goodbye.retry()).isNotNull().isBetween(Duration.ofMillis(250), Duration.ofMillis(1750));
            });
            assertThat(c.exitsWithin(Duration.ofSeconds(15))).as("the process exited well inside the pod's 45 s grace period").isTrue();
            System.out.printf("SIGTERM: stream ended after %d ms, process exited after %d ms%n", ended.toMillis(),
                    Duration.ofNanos(System.nanoTime() - asked).toMillis());

            credit(setup, caller.wallet(), 1);
            try (var onA = SseClient.connect(a.coreUrl(), caller.key(), seen.getLast().id())) {
                assertThat(onA.next(1, WAIT)).extracting(ReplicasIntegrationTests::balance).containsExactly(2L);
            }
        }
        finally {
            c.close();
        }
    }

    @Test
    @Order(9)
    void aPersonWhoseReplicaDiesLandsOnAnotherStillSignedInOnTheSamePage() {
        var replicas = ChildApp.startTogether(logs, List.of(Replica.withUi("replica-d"), Replica.withUi("replica-e")),
                sharedArguments(withInfoLogs(database)));
        var d = replicas.get(0);
        var e = replicas.get(1);
        try {
            var caller = phone.caller(1_000);
            var texts = Texts.of("fr-FR");
            var page = browser.visitor("fr-FR");
            signIn(d, page, texts, caller.email().value());
            page.navigate(d.uiUrl() + "/wallet");
            assertThat(page.locator("#header-balance")).hasText(Money.cents(1_000).format(texts.locale()));

            d.kill();
            // The ingress sends the browser's next request to E, with the session cookie of a session E never had.
            page.navigate(e.uiUrl() + "/wallet");
            assertThat(page).hasURL(e.uiUrl() + "/wallet");
            // E serves its first page here: signing in again from the cookie and a cold view can take seconds on a loaded box.
            assertThat(page.locator("#header-balance")).hasText(Money.cents(1_000).format(texts.locale()),
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        }
        finally {
            replicas.forEach(ChildApp::close);
        }
    }

    /** What every instance here is given: the same Twilio token, the test's SMTP server, and one-second cluster tasks. */
    private static String[] sharedArguments(String... more) {
        var arguments = new ArrayList<>(List.of(more));
        arguments.addAll(List.of("--TWILIO_AUTH_TOKEN=" + AUTH_TOKEN, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--mobayilo.ledger.check-interval=" + PERIOD, "--mobayilo.ledger.check-initial-delay=PT0S", "--mobayilo.holds.expiry-interval=" + PERIOD,
                "--mobayilo.calls.stale-scan-interval=" + PERIOD, "--mobayilo.payments.reconcile-interval=" + PERIOD,
                "--mobayilo.payments.auto-recharge-scan=" + PERIOD, "--mobayilo.rate-limits.purge-interval=" + PERIOD,
                "--mobayilo.retention.interval=" + PERIOD));
        return arguments.toArray(String[]::new);
    }

    /** What the in-process instance gets from TestApp: the replicas' own log lines beside the warnings, and a brisk job queue. */
    private static String[] withInfoLogs(String[] arguments) {
        var all = new ArrayList<>(List.of(arguments));
        all.add("--logging.level.com.mobayilo=info");
        all.add("--mobayilo.jobs.poll-interval=100ms");
        return all.toArray(String[]::new);
    }

    private static void signIn(ChildApp replica, Page page, Texts texts, String email) {
        page.navigate(replica.uiUrl() + "/login");
        page.getByLabel(texts.t("login.email")).fill(email);
        page.getByLabel(texts.t("login.password"), new Page.GetByLabelOptions().setExact(true)).fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t("login.submit"))).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static java.net.http.HttpResponse<String> token(ChildApp replica, String key) {
        return Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(replica.coreUrl() + "/api/calls/token"))
                .header("Authorization", "Bearer " + key).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Map<String, Long> clusterRuns() {
        var runs = new HashMap<String, Long>();
        db().sql("select name, runs from cluster_tasks").map(row -> Map.entry(row.get("name", String.class), row.get("runs", Long.class))).all()
                .toStream().forEach(entry -> runs.put(entry.getKey(), entry.getValue()));
        return runs;
    }

    /** How many mails each recipient of this run got, at the test's SMTP server. */
    private static Map<String, Long> recipients(String run) throws MessagingException {
        var to = new ArrayList<String>();
        for (var message : smtp.getReceivedMessages()) {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                if (address.toString().contains(run)) {
                    to.add(address.toString());
                }
            }
        }
        return to.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long count(String sql, List<Long> ids) {
        return db().sql(sql).bind("ids", ids.toArray(Long[]::new)).map(row -> row.get(0, Long.class)).one().block();
    }

    private static long one(DatabaseClient client, String sql) {
        return client.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static DatabaseClient db() {
        return setup.bean(DatabaseClient.class);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static long balance(ServerSentEvent<String> event) {
        return Long.parseLong(event.data().replaceAll(".*\"balanceCents\": ?(-?\\d+).*", "$1"));
    }
}
