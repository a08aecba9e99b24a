package com.mobayilo.calls;

import java.math.BigDecimal;
import java.time.Duration;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls whose ending never reached us, settled by the stale-call job from what Twilio's REST API (WireMock)
 * says about them. Calls here last at most 3 minutes and are looked up a second after that.
 */
class CallReconciliationIntegrationTests {

    private static TwilioRest twilio;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        twilio = TwilioRest.start();
        app = TestApp.start("--mobayilo.twilio.api-base-url=" + twilio.baseUrl(), "--mobayilo.calls.max-minutes=3",
                "--mobayilo.calls.stale-grace=PT1S", "--mobayilo.calls.stale-scan-interval=PT0.2S");
        phone = new Telephony(app);
        twilio.serve(phone.account());
    }

    @AfterAll
    static void stop() {
        app.close();
        twilio.close();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        phone.assertLedgerConsistent();
    }

    @Test
    void aCallWithNoEndingIsBilledAsTwilioReportsItsDialledLeg() {
        var caller = phone.caller(500);
        var callSid = dial(caller);
        twilio.reportsDialledLeg(callSid, "completed", 75, "-0.0280");

        startedMinutesAgo(callSid, 5);

        var settled = awaitEnded(callSid, Duration.ofSeconds(15));
        assertThat(settled.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(settled.billedMinutes()).isEqualTo(2);
        assertThat(settled.cost()).isEqualTo(Money.cents(44));
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(456));
        assertThat(phone.balanceOf(caller).available()).isEqualTo(Money.cents(456));
        assertThat(phone.settlementOf(callSid).holds()).containsExactly("CAPTURED:44");
        assertThat(phone.settlementOf(callSid).charges()).isEqualTo(1);
        assertThat(await().atMost(Duration.ofSeconds(5)).until(() -> carrierPriceOf(callSid), price -> price != null)).isEqualByComparingTo("2.80");
        twilio.verifyAskedForDialledLegs(callSid);
    }

    @Test
    void aCallTwilioStillReportsInProgressKeepsItsHoldUntilARetryFindsItEnded() {
        var caller = phone.caller(500);
        var callSid = dial(caller);
        twilio.reportsDialledLeg(callSid, "in-progress", null, null);

        startedMinutesAgo(callSid, 5);

        await().atMost(Duration.ofSeconds(15)).until(() -> failedLookups(callSid) > 0);
        assertThat(phone.call(callSid).isLive()).isTrue();
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.cents(66));
        assertThat(phone.settlementOf(callSid).holds()).containsExactly("ACTIVE:0");
        twilio.verifyAskedForDialledLegs(callSid);

        twilio.reportsDialledLeg(callSid, "completed", 75, "-0.0280");

        // the job queue retries a failed job after 10 s
        assertThat(awaitEnded(callSid, Duration.ofSeconds(30)).cost()).isEqualTo(Money.cents(44));
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(456));
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
    }

    @Test
    void aCallThatNeverDialledIsSettledFreeFromTheBrowsersOwnLeg() {
        var caller = phone.caller(500);
        var callSid = dial(caller);
        twilio.reportsNoDialledLeg(callSid, "completed");

        startedMinutesAgo(callSid, 5);

        var settled = awaitEnded(callSid, Duration.ofSeconds(15));
        assertThat(settled.status()).isEqualTo(CallStatus.CANCELED);
        assertThat(settled.cost()).isEqualTo(Money.ZERO);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
        assertThat(phone.settlementOf(callSid).holds()).containsExactly("CAPTURED:0");
        assertThat(phone.settlementOf(callSid).charges()).isZero();
        twilio.verifyFetched(callSid);
    }

    /** A call through the signed voice webhook; it holds the longest call, 3 minutes at 22 credits. */
    private static String dial(User caller) {
        var callSid = Telephony.newSid();
        assertThat(TwimlDocument.parse(phone.voice(callSid, caller, "+243812345678").body()).dial()).isNotNull();
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.cents(66));
        return callSid;
    }

    /** Rather than wait out the longest call, the call is made to have started earlier. */
    private static void startedMinutesAgo(String callSid, int minutes) {
        db().sql("update calls set created_at = now() - make_interval(mins => :minutes) where call_sid = :sid")
                .bind("minutes", minutes).bind("sid", callSid).then().block();
    }

    private static Call awaitEnded(String callSid, Duration atMost) {
        return await().atMost(atMost).until(() -> phone.call(callSid), call -> !call.isLive());
    }

    private static BigDecimal carrierPriceOf(String callSid) {
        return db().sql("select carrier_price_cents from calls where call_sid = :sid").bind("sid", callSid)
                .map(row -> row.get("carrier_price_cents", BigDecimal.class)).one().block();
    }

    /** Lookups of the call that failed and were left for the queue to retry. */
    private static long failedLookups(String callSid) {
        return db().sql("select count(*) as failed from jobs where type = 'call.reconcile' and payload ->> 'callSid' = :sid "
                        + "and last_error is not null and done_at is null and run_at > now()")
                .bind("sid", callSid).map(row -> row.get("failed", Long.class)).one().block();
    }

    private static DatabaseClient db() {
        return app.bean(DatabaseClient.class);
    }
}
