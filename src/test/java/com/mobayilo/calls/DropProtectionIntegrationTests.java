package com.mobayilo.calls;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;

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
 * Drop protection decided by the server from what the carrier reports (docs/decisions/0026-call-quality.md): signed
 * status callbacks say the call was answered and how long it lasted, the signed call summary says the caller's network
 * ended it. Credited back once, within the daily limit, never for a call the callee hung up.
 */
class DropProtectionIntegrationTests {

    private static final String DRC = "+243812345678";

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=10", "--mobayilo.sandbox.carrier.ringing=PT0.3S");
        phone = new Telephony(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        phone.assertLedgerConsistent();
    }

    @Test
    void aCallTheNetworkDroppedInItsFirstSecondsIsCreditedBackOnceHoweverOftenTheSummaryComes() {
        var caller = phone.caller(500);
        var callSid = answeredAndEnded(caller, 5);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(478));

        assertThat(summary(callSid, "caller", 53405).statusCode()).isEqualTo(204);
        assertThat(summary(callSid, "caller", 53405).statusCode()).isEqualTo(204);
        assertThat(summary(callSid, "caller", 31005).statusCode()).isEqualTo(204);

        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        assertThat(creditsFor(callSid)).isEqualTo(1);
        // The credit-back names the call it reverses, in the ledger's memo key.
        var memo = app.bean(DatabaseClient.class).sql("select memo_key from journal_transactions where kind = 'CALL_CREDIT' and source_ref = :sid")
                .bind("sid", callSid).map(row -> row.get("memo_key", String.class)).one().block();
        assertThat(memo).isEqualTo("memo.call.dropped");
    }

    @Test
    void beyondThreeCreditBacksIn24HoursTheNextDropIsRecordedButNotCredited() {
        var caller = phone.caller(500);
        for (var i = 0; i < 3; i++) {
            assertThat(summary(answeredAndEnded(caller, 4), "caller", 31009).statusCode()).isEqualTo(204);
        }
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        var fourth = answeredAndEnded(caller, 4);
        assertThat(summary(fourth, "caller", 31009).statusCode()).isEqualTo(204);
        assertThat(summary(fourth, "caller", 31009).statusCode()).isEqualTo(204);
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(478));
        assertThat(creditsFor(fourth)).isZero();
        var refusal = app.bean(DatabaseClient.class).sql("select d.refusal from call_drops d join calls c on c.id = d.call_id where c.call_sid = :sid")
                .bind("sid", fourth).map(row -> row.get("refusal", String.class)).one().block();
        assertThat(refusal).isEqualTo("DAILY_LIMIT");
    }

    @Test
    void aCallTheCalleeHungUpOrThatLastedLongerOrEndedWithoutANetworkErrorIsNeverCreditedBack() {
        var caller = phone.caller(500);
        var calleeEnded = answeredAndEnded(caller, 5);
        assertThat(summary(calleeEnded, "callee", 0).statusCode()).isEqualTo(204);
        var callerHungUp = answeredAndEnded(caller, 5);
        assertThat(summary(callerHungUp, "caller", 0).statusCode()).isEqualTo(204);
        var longer = answeredAndEnded(caller, 45);
        assertThat(summary(longer, "caller", 53405).statusCode()).isEqualTo(204);
        assertThat(creditsFor(calleeEnded) + creditsFor(callerHungUp) + creditsFor(longer)).isZero();
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500 - 22 * 3));
    }

    @Test
    void aSummaryOfACallNotEndedYetIsAnswered409SoThatItComesAgainAndAnUnsignedOneIs403() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        phone.voice(callSid, caller, DRC);
        phone.status(callSid, callSid + "c", "in-progress", null);
        assertThat(summary(callSid, "caller", 53405).statusCode()).isEqualTo(409);
        phone.status(callSid, callSid + "c", "completed", 6);
        var form = summaryForm(callSid, "caller", 53405);
        assertThat(phone.post(com.mobayilo.calls.DropProtection.CALL_SUMMARY_PATH, form, "forged").statusCode()).isEqualTo(403);
        assertThat(creditsFor(callSid)).isZero();
        assertThat(summary(callSid, "caller", 53405).statusCode()).isEqualTo(204);
        assertThat(creditsFor(callSid)).isEqualTo(1);
    }

    @Test
    void theSandboxCarrierDropsNumbersEndingIn0009FiveSecondsInAndTheServerCreditsThemBack() throws Exception {
        var caller = phone.caller(500);
        var token = app.bean(com.mobayilo.calls.twilio.VoiceTokens.class).issue(caller.id(), "127.0.0.1").block().jwt();
        try (var call = CallsIntegrationTests.SandboxCall.dial(app, token, "+243 81 234 0009")) {
            var callSid = call.awaitSignal("accepted").get("callSid");
            call.awaitSignal("answered");
            var dropped = call.awaitSignal("disconnected");
            assertThat(dropped).containsEntry("reason", "network").containsEntry("code", "53405");
            var ended = await().atMost(Duration.ofSeconds(10)).until(() -> phone.call(callSid), done -> done.status() == CallStatus.COMPLETED);
            assertThat(ended.durationSeconds()).isEqualTo(5);
            await().atMost(Duration.ofSeconds(10)).until(() -> creditsFor(callSid) == 1);
            assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(500));
        }
    }

    /** A call answered and ended by the dialled leg's status callbacks after {@code seconds}; its CallSid. */
    private static String answeredAndEnded(User caller, int seconds) {
        var callSid = Telephony.newSid();
        assertThat(phone.voice(callSid, caller, DRC).statusCode()).isEqualTo(200);
        var child = "CA" + callSid.substring(2, 20) + "child";
        phone.status(callSid, child, "ringing", null);
        phone.status(callSid, child, "in-progress", null);
        phone.status(callSid, child, "completed", seconds);
        assertThat(phone.call(callSid).status()).isEqualTo(CallStatus.COMPLETED);
        return callSid;
    }

    private static LinkedHashMap<String, String> summaryForm(String callSid, String disconnectedBy, int errorCode) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", phone.account().accountSid());
        form.put("CallSid", callSid);
        form.put("DisconnectedBy", disconnectedBy);
        form.put("ErrorCode", Integer.toString(errorCode));
        return form;
    }

    private static HttpResponse<String> summary(String callSid, String disconnectedBy, int errorCode) {
        return phone.post(com.mobayilo.calls.DropProtection.CALL_SUMMARY_PATH, summaryForm(callSid, disconnectedBy, errorCode));
    }

    private static long creditsFor(String callSid) {
        return app.bean(DatabaseClient.class).sql("select count(*) from journal_transactions where kind = 'CALL_CREDIT' and source_ref = :sid")
                .bind("sid", callSid).map(row -> row.get(0, Long.class)).one().block();
    }
}
