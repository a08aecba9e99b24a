package com.mobayilo.database;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import com.mobayilo.calls.Telephony;
import com.mobayilo.payments.stripe.StripeAccount;
import com.mobayilo.payments.stripe.StripeSigner;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.OwnPostgres;
import com.mobayilo.testing.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running app: stopped (connections refused) and frozen (SIGSTOP: it answers nothing).
 * Webhooks get a 503 problem with Retry-After, quickly, so Twilio and Stripe send them again; liveness stays up while
 * readiness goes down; the LISTEN connection notices a frozen server, falls back to polling once, and comes back.
 * Webhooks here are bounded to 1 s, and the listener checked every 0.5 s.
 */
class DatabaseOutageIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    @TempDir
    static Path data;

    private static OwnPostgres postgres;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        postgres = new OwnPostgres(data);
        app = TestApp.on(postgres.arguments(), "--mobayilo.ui.enabled=false", "--mobayilo.webhooks.deadline=" + DEADLINE,
                "--mobayilo.events.listen-check-interval=PT0.5S", "--mobayilo.events.listen-check-timeout=PT0.5S");
        phone = new Telephony(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        postgres.close();
    }

    @Test
    void withTheDatabaseStoppedWebhooksGetA503QuicklyAndPodsStayLiveButNotReady() {
        var caller = phone.caller(500);
        var identity = phone.identityOf(caller);
        var callSid = Telephony.newSid();
        assertThat(phone.voice(callSid, caller, "+243812345678").statusCode()).isEqualTo(200);
        var childSid = Telephony.newSid();

        postgres.stop();
        try {
            var status = timed(() -> phone.status(callSid, childSid, "completed", 30));
            assertUnavailable(status.response());
            assertThat(status.took()).isLessThan(DEADLINE.plusSeconds(1));

            var voice = timed(() -> phone.post(Telephony.VOICE_PATH, phone.voiceForm(Telephony.newSid(), identity, "+243812345678")));
            assertUnavailable(voice.response());
            assertThat(voice.took()).isLessThan(DEADLINE.plusSeconds(1));

            var stripe = timed(() -> stripe("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                    + "\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}"));
            assertUnavailable(stripe.response());
            assertThat(stripe.took()).isLessThan(DEADLINE.plusSeconds(1));

            assertThat(Http.get(app.coreUrl() + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app.coreUrl() + "/actuator/health/readiness").statusCode() == 503);
        }
        finally {
            postgres.start();
        }

        // Twilio sends the callback again; once the pool has new connections it is applied, once.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> phone.status(callSid, childSid, "completed", 30).statusCode() == 200);
        assertThat(phone.status(callSid, childSid, "completed", 30).statusCode()).isEqualTo(200);
        assertThat(app.activeHolds()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app.coreUrl() + "/actuator/health/readiness").statusCode() == 200);
    }

    @Test
    void withTheDatabaseFrozenWebhooksGetA503WithinTheDeadlineAndTheListenerFallsBackToPollingOnce() {
        var meters = app.bean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> listening(meters) == 1);
        var fallbacks = fallbacks(meters);
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        assertThat(phone.voice(callSid, caller, "+243812345678").statusCode()).isEqualTo(200);

        try (var frozen = postgres.freeze()) {
            assertThat(frozen.processes()).isGreaterThan(1);
            var status = timed(() -> phone.status(callSid, Telephony.newSid(), "ringing", null));
            assertUnavailable(status.response());
            assertThat(status.took()).isBetween(DEADLINE.minusMillis(100), DEADLINE.plusSeconds(2));

            var liveness = timed(() -> Http.get(app.coreUrl() + "/actuator/health/liveness"));
            assertThat(liveness.response().statusCode()).isEqualTo(200);
            assertThat(liveness.took()).isLessThan(Duration.ofSeconds(1));

            // the listener's check (every 0.5 s, 0.5 s to answer) finds the connection dead; reconnecting keeps failing
            await().atMost(Duration.ofSeconds(5)).until(() -> listening(meters) == 0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> listening(meters) == 0);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> listening(meters) == 1);
        assertThat(fallbacks(meters)).isEqualTo(fallbacks + 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> app.bean(DatabaseClient.class).sql("select 1").map(row -> 1).one().block(Duration.ofSeconds(2)) == 1);
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Http.json(response).path("detail").asString()).contains("temporarily unavailable").doesNotContain("Exception");
    }

    private static HttpResponse<String> stripe(String payload) {
        var secret = app.bean(StripeAccount.class).webhookSecrets().getFirst();
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/stripe")).header("Content-Type", "application/json")
                .header("Stripe-Signature", StripeSigner.header(secret, Instant.now().getEpochSecond(), payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        return Http.send(request);
    }

    private static double listening(MeterRegistry meters) {
        return meters.get("mobayilo.events.listen.up").gauge().value();
    }

    private static double fallbacks(MeterRegistry meters) {
        return meters.get("mobayilo.events.listen.fallbacks").counter().count();
    }

    private static <T> Timed<T> timed(Supplier<T> action) {
        var start = System.nanoTime();
        var result = action.get();
        return new Timed<>(result, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Timed<T>(T response, Duration took) {
    }
}
