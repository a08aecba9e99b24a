package com.mobayilo.calls;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.OwnPostgres;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repro: the database restarts while a call's status callbacks arrive, so they all fail (with 503, which
 * Twilio may or may not retry). The call must not stay "in progress" holding credit and blocking its caller
 * (one call at a time) until the longest call plus grace: the carrier is asked about it soon after its callbacks should
 * have come. Here "soon" is short: a call still ringing 3 s after it was placed, or still talking 2 s past its time
 * limit; the longest call stays 120 minutes, so the old rule alone would not settle anything.
 */
class LostCallbacksIntegrationTests {

    private static final Duration RINGING_LOOKUP = Duration.ofSeconds(3);

    private static final Duration OVERRUN_LOOKUP = Duration.ofSeconds(2);

    private static final String NUMBER = "+243812345678";

    @TempDir
    static Path data;

    private static OwnPostgres postgres;

    private static TwilioRest twilio;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        twilio = TwilioRest.start();
        postgres = new OwnPostgres(data);
        app = TestApp.on(postgres.arguments(), "--mobayilo.ui.enabled=false", "--mobayilo.twilio.api-base-url=" + twilio.baseUrl(),
                "--mobayilo.calls.ringing-lookup-after=" + RINGING_LOOKUP, "--mobayilo.calls.overrun-lookup-after=" + OVERRUN_LOOKUP,
                "--mobayilo.calls.stale-scan-interval=PT0.2S", "--mobayilo.webhooks.deadline=PT1S");
        phone = new Telephony(app);
        twilio.serve(phone.account());
    }

    @AfterAll
    static void stop() {
        app.close();
        postgres.close();
        twilio.close();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        phone.assertLedgerConsistent();
    }

    @Test
    void aRingingCallWhoseCallbacksAllFailedInARestartIsSettledWithinMinutesAndItsCallerCanCallAgain() {
        var caller = phone.caller(500);
        var callSid = dial(caller);
        assertThat(refusalOfAnotherCall(caller)).isEqualTo(Refusal.TOO_MANY_CALLS);
        var childSid = Telephony.newSid();
        twilio.reportsDialledLeg(callSid, "completed", 75, "-0.0280");

        var answers = whileTheDatabaseRestarts(() -> List.of(phone.status(callSid, childSid, "ringing", null),
                phone.status(callSid, childSid, "in-progress", null), phone.status(callSid, childSid, "completed", 75),
                phone.dialAction(callSid, "completed", 75)));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(503);
        assertThat(phone.call(callSid).status()).isEqualTo(CallStatus.INITIATED);

        var settled = await().atMost(Duration.ofSeconds(20)).until(() -> phone.call(callSid), call -> !call.isLive());

        // not before the call was due, and long before the longest call (120 minutes) plus grace; the restart took seconds
        assertThat(askedAfter(callSid)).isBetween(RINGING_LOOKUP, Duration.ofMinutes(1));
        assertThat(settled.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(settled.cost()).isEqualTo(Money.cents(44));
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(456));
        assertThat(phone.settlementOf(callSid).holds()).containsExactly("CAPTURED:44");

        var next = dial(caller);
        assertThat(phone.call(next).status()).isEqualTo(CallStatus.INITIATED);
        assertThat(phone.dialAction(next, "no-answer", 0).statusCode()).isEqualTo(200);
    }

    @Test
    void aTalkingCallWhoseEndingWasLostIsSettledJustPastItsTimeLimit() {
        var caller = phone.caller(500);
        var callSid = dial(caller);
        var childSid = Telephony.newSid();
        assertThat(phone.status(callSid, childSid, "in-progress", null).statusCode()).isEqualTo(200);
        var held = phone.call(callSid).heldMinutes();
        twilio.reportsDialledLeg(callSid, "completed", held * 60, null);

        var answers = whileTheDatabaseRestarts(() -> List.of(phone.status(callSid, childSid, "completed", held * 60),
                phone.dialAction(callSid, "completed", held * 60)));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(503);

        // Rather than talk for the whole time limit, the call is made to have been answered that long ago.
        var limitReached = answeredMinutesAgo(callSid, held);
        var settled = await().atMost(Duration.ofSeconds(20)).until(() -> phone.call(callSid), call -> !call.isLive());

        assertThat(Duration.between(limitReached, requestedAt(callSid))).isBetween(OVERRUN_LOOKUP, OVERRUN_LOOKUP.plusSeconds(5));
        assertThat(settled.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(settled.billedMinutes()).isEqualTo(held);
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
        assertThat(phone.settlementOf(callSid).charges()).isEqualTo(1);
    }

    /** A call through the signed voice webhook, holding what the caller's credit allows. */
    private static String dial(User caller) {
        var callSid = Telephony.newSid();
        assertThat(TwimlDocument.parse(phone.voice(callSid, caller, NUMBER).body()).dial()).isNotNull();
        return callSid;
    }

    private static Refusal refusalOfAnotherCall(User caller) {
        var callSid = Telephony.newSid();
        assertThat(phone.voice(callSid, caller, NUMBER).statusCode()).isEqualTo(200);
        return phone.call(callSid).refusal();
    }

    /** Stops PostgreSQL, runs the callbacks, starts it again and waits until the app's pool works again. */
    private static List<HttpResponse<String>> whileTheDatabaseRestarts(java.util.function.Supplier<List<HttpResponse<String>>> callbacks) {
        postgres.stop();
        try {
            return callbacks.get();
        }
        finally {
            postgres.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> db().sql("select 1").map(row -> 1).one().block(Duration.ofSeconds(2)) == 1);
        }
    }

    /** Moves the answer back by the call's time limit; returns when the limit was thus reached. */
    private static Instant answeredMinutesAgo(String callSid, int minutes) {
        return db().sql("update calls set answered_at = now() - make_interval(mins => :minutes) where call_sid = :sid returning now() as at")
                .bind("minutes", minutes).bind("sid", callSid).map(row -> row.get("at", Instant.class)).one().block();
    }

    /** How long after the call was placed the carrier was first asked about it. */
    private static Duration askedAfter(String callSid) {
        var call = phone.call(callSid);
        return Duration.between(call.createdAt(), requestedAt(callSid));
    }

    private static Instant requestedAt(String callSid) {
        return db().sql("select reconcile_requested_at from calls where call_sid = :sid").bind("sid", callSid)
                .map(row -> row.get("reconcile_requested_at", Instant.class)).one().block();
    }

    private static DatabaseClient db() {
        return app.bean(DatabaseClient.class);
    }
}
