package com.mobayilo.calls;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mobayilo.accounts.User;
import com.mobayilo.jobs.Jobs;
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
 * Drop protection in live mode (docs/decisions/0031-live-drop-protection.md): nobody posts a call summary, so the server
 * asks Twilio's Voice Insights REST API (WireMock) about each settled call that could be a drop, retries until it
 * knows, and credits through the same rule as a posted summary. Here the first question comes 0.2 s after the call.
 */
class LiveDropProtectionIntegrationTests {

    private static final String DRC = "+243812345678";

    private static final String[] LIVE = {"--mobayilo.calls.drop-protection.first-check=PT0.2S", "--mobayilo.calls.drop-protection.give-up-after=PT10M"};

    private static TwilioRest twilio;

    private static VoiceInsights insights;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        twilio = TwilioRest.start();
        app = TestApp.start(live());
        phone = new Telephony(app);
        twilio.serve(phone.account());
        insights = new VoiceInsights(twilio);
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
    void aLiveCallTheCallersNetworkDroppedAfterFiveSecondsIsCreditedBackOnceEvenWhenItsCheckRunsAgain() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        insights.summarises(callSid, "complete", "caller");
        insights.reportsSdkErrors(callSid, 53405);

        answeredAndEnded(caller, callSid, 5);

        assertThat(awaitDecided(callSid)).isEqualTo("CREDITED");
        assertThat(creditsFor(callSid)).isEqualTo(1);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        // The browser's leg (the parent call, with the SDK edge) is asked about, not the dialled leg.
        insights.verifyAskedForSummary(callSid, 1);
        insights.verifyNeverAskedAbout(childOf(callSid));

        // The same question again, as a worker whose lease ran out would ask it, and a duplicate job: nothing changes.
        app.bean(LiveDropChecks.class).handle(tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"callSid\": \"" + callSid + "\", \"attempt\": 0}")).block();
        app.bean(Jobs.class).enqueue(LiveDropChecks.TYPE, Map.of("callSid", callSid, "attempt", 0)).block();
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingChecks(callSid) == 0);
        assertThat(creditsFor(callSid)).isEqualTo(1);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
    }

    @Test
    void twoInstancesDrainingTheSameChecksCreditEachDroppedCallOnce() {
        try (var second = app.another(live())) {
            var caller = phone.caller(500);
            var callSids = List.of(Telephony.newSid(), Telephony.newSid(), Telephony.newSid());
            for (var callSid : callSids) {
                insights.summarises(callSid, "partial", "caller");
                insights.reportsSdkErrors(callSid, 31005);
                answeredAndEnded(caller, callSid, 4);
                // Two more copies of the first question, so that both instances' workers take one at the same time.
                app.bean(Jobs.class).enqueue(LiveDropChecks.TYPE, Map.of("callSid", callSid, "attempt", 0)).block();
                second.bean(Jobs.class).enqueue(LiveDropChecks.TYPE, Map.of("callSid", callSid, "attempt", 0)).block();
            }
            for (var callSid : callSids) {
                assertThat(awaitDecided(callSid)).isEqualTo("CREDITED");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> callSids.stream().mapToLong(LiveDropProtectionIntegrationTests::waitingChecks).sum() == 0);
            assertThat(callSids).allSatisfy(callSid -> assertThat(creditsFor(callSid)).isEqualTo(1));
            assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        }
    }

    @Test
    void aLiveCallTheCalleeHungUpIsNotCreditedBack() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        insights.summarises(callSid, "partial", "callee");

        answeredAndEnded(caller, callSid, 5);

        assertThat(awaitDecided(callSid)).isEqualTo("NOT_A_DROP");
        assertThat(creditsFor(callSid)).isZero();
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(478));
        insights.verifyNoEventsAskedFor(callSid);
    }

    @Test
    void aSummaryNotMadeYetIsAskedForAgainAndTheDropIsCreditedFromThePartialOne() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        insights.hasNoSummaryYetThenAPartialOne(callSid, "caller");
        insights.reportsSdkErrors(callSid, 53405);

        answeredAndEnded(caller, callSid, 5);

        assertThat(awaitDecided(callSid)).isEqualTo("CREDITED");
        assertThat(attemptsOf(callSid)).isEqualTo(1);
        insights.verifyAskedForSummary(callSid, 2);
        assertThat(creditsFor(callSid)).isEqualTo(1);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
    }

    @Test
    void aTwilioThatKeepsFailingIsAskedAgainUntilTheDeadlineAndNothingIsCredited() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        insights.fails(callSid, 503);

        answeredAndEnded(caller, callSid, 5);

        await().atMost(Duration.ofSeconds(15)).until(() -> attemptsOf(callSid) >= 2);
        assertThat(creditsFor(callSid)).isZero();
        assertThat(scalar("select problem_logged::text from call_summary_checks where call_sid = :sid", callSid)).isEqualTo("true");
        db().sql("update call_summary_checks set deadline = now() where call_sid = :sid").bind("sid", callSid).then().block();

        assertThat(awaitDecided(callSid)).isEqualTo("NO_SUMMARY");
        assertThat(creditsFor(callSid)).isZero();
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(478));
    }

    @Test
    void aLiveCallLongerThanTheWindowOrUnansweredIsNeverQueued() {
        var caller = phone.caller(500);
        var longer = Telephony.newSid();
        answeredAndEnded(caller, longer, 45);
        var unanswered = Telephony.newSid();
        assertThat(phone.voice(unanswered, caller, DRC).statusCode()).isEqualTo(200);
        phone.status(unanswered, childOf(unanswered), "no-answer", 0);

        assertThat(scalar("select count(*)::text from call_summary_checks where call_sid in (:sids)", List.of(longer, unanswered))).isEqualTo("0");
        assertThat(scalar("select count(*)::text from jobs where type = 'call.summary-check' and payload ->> 'callSid' in (:sids)",
                List.of(longer, unanswered))).isEqualTo("0");
        insights.verifyNeverAskedAbout(longer);
    }

    private static String[] live() {
        var arguments = new String[LIVE.length + 1];
        arguments[0] = "--mobayilo.twilio.api-base-url=" + twilio.baseUrl();
        System.arraycopy(LIVE, 0, arguments, 1, LIVE.length);
        return arguments;
    }

    /** A call answered and ended by the dialled leg's signed status callbacks after {@code seconds}. */
    private static void answeredAndEnded(User caller, String callSid, int seconds) {
        assertThat(phone.voice(callSid, caller, DRC).statusCode()).isEqualTo(200);
        phone.status(callSid, childOf(callSid), "ringing", null);
        phone.status(callSid, childOf(callSid), "in-progress", null);
        phone.status(callSid, childOf(callSid), "completed", seconds);
        assertThat(phone.call(callSid).status()).isEqualTo(CallStatus.COMPLETED);
    }

    private static String childOf(String callSid) {
        return "CA" + callSid.substring(2, 20) + "child0000000000";
    }

    private static String awaitDecided(String callSid) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select coalesce(outcome, '') from call_summary_checks where call_sid = :sid", callSid),
                outcome -> outcome != null && !outcome.isEmpty());
    }

    private static int attemptsOf(String callSid) {
        return Integer.parseInt(scalar("select attempts::text from call_summary_checks where call_sid = :sid", callSid));
    }

    /** Questions about the call still to be asked or being asked. */
    private static long waitingChecks(String callSid) {
        return Long.parseLong(scalar("select count(*)::text from jobs where type = 'call.summary-check' and payload ->> 'callSid' = :sid "
                + "and done_at is null and failed_at is null", callSid));
    }

    private static long creditsFor(String callSid) {
        return Long.parseLong(scalar("select count(*)::text from journal_transactions where kind = 'CALL_CREDIT' and source_ref = :sid", callSid));
    }

    private static String scalar(String sql, Object sids) {
        return db().sql(sql).bind(sql.contains(":sids") ? "sids" : "sid", sids).map(row -> row.get(0, String.class)).one().block();
    }

    private static DatabaseClient db() {
        return app.bean(DatabaseClient.class);
    }
}
