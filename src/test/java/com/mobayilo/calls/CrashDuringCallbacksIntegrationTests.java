package com.mobayilo.calls;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mobayilo.accounts.User;
import com.mobayilo.bench.CallLoad;
import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.ChildApp;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of status callbacks. 200 answered calls end while the packaged app settles them;
 * after some answers it is killed with callbacks still in flight. It starts again on the same database and Twilio's
 * retries deliver every callback again. Each call is then billed exactly once: no charge lost, none doubled, no hold
 * left, and the ledger consistent.
 */
class CrashDuringCallbacksIntegrationTests {

    private static final String AUTH_TOKEN = "crash-test-twilio-auth-token";

    private static final int CALLERS = 10;

    private static final int CALLS = 200;

    private static final long CREDIT = 1_000_000;

    /** +243 81 234 5678 costs 22 credits a minute. */
    private static final long RATE = 22;

    @TempDir
    static Path logs;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.start("--TWILIO_AUTH_TOKEN=" + AUTH_TOKEN, "--mobayilo.ui.enabled=false");
        phone = new Telephony(app);
        CallLoad.allowManyCalls(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void callbacksCutOffByAKillAreBilledExactlyOnceWhenTwilioRetriesThemAfterTheRestart() throws Exception {
        var random = new Random(20261124L);
        var callers = new ArrayList<User>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(phone.caller(CREDIT));
        }
        var calls = new ArrayList<Answered>();
        for (int i = 0; i < CALLS; i++) {
            var call = new Answered(callers.get(i % CALLERS), 1 + random.nextInt(600));
            call.answer();
            calls.add(call);
        }
        var endings = new ArrayList<Map<String, String>>();
        calls.forEach(call -> endings.addAll(call.endings()));
        Collections.shuffle(endings, random);

        var log = logs.resolve("child.log");
        var first = ChildApp.start(log, childArguments());
        var answered = first.deliverUntilKilled(endings, ending -> post(first, ending), 60);
        assertThat(answered).as("the kill came while callbacks were in flight").isLessThan(endings.size());

        try (var second = ChildApp.start(log, childArguments())) {
            for (var ending : endings) {
                assertThat(post(second, ending).statusCode()).isEqualTo(200);
            }
        }

        var charged = new HashMap<User, Long>();
        for (var call : calls) {
            assertThat(phone.call(call.callSid).status()).as(call.callSid).isEqualTo(CallStatus.COMPLETED);
            charged.merge(call.caller, call.cost(), Long::sum);
        }
        for (var caller : callers) {
            var balance = phone.balanceOf(caller);
            assertThat(balance.balance()).isEqualTo(Money.cents(CREDIT - charged.get(caller)));
            assertThat(balance.held()).isEqualTo(Money.ZERO);
        }
        assertThat(app.activeHolds()).isZero();
        phone.assertLedgerConsistent();
    }

    private static String[] childArguments() {
        var arguments = new ArrayList<>(List.of(app.databaseArguments()));
        arguments.add("--TWILIO_AUTH_TOKEN=" + AUTH_TOKEN);
        return arguments.toArray(String[]::new);
    }

    private static HttpResponse<String> post(ChildApp child, Map<String, String> form) {
        var path = "/webhooks/twilio/status";
        var signature = new TwilioSignatures(AUTH_TOKEN).sign(child.coreUrl() + path, form);
        return child.post(path, "application/x-www-form-urlencoded", "X-Twilio-Signature", signature, Telephony.encoded(form));
    }

    /** A call to +243 81 234 5678 that was answered and will end after {@code seconds} of talk. */
    private static final class Answered {

        private final User caller;

        private final int seconds;

        private final String callSid = Telephony.newSid();

        private final String childSid = Telephony.newSid();

        Answered(User caller, int seconds) {
            this.caller = caller;
            this.seconds = seconds;
        }

        void answer() {
            assertThat(TwimlDocument.parse(phone.voice(callSid, caller, "+243812345678").body()).dial()).isNotNull();
            assertThat(phone.status(callSid, childSid, "in-progress", null).statusCode()).isEqualTo(200);
        }

        /** The dialled leg's completed callback and the Dial action: either one settles the call. */
        List<Map<String, String>> endings() {
            var completed = new LinkedHashMap<String, String>();
            completed.put("CallSid", childSid);
            completed.put("ParentCallSid", callSid);
            completed.put("CallStatus", "completed");
            completed.put("CallDuration", Integer.toString(seconds));
            var action = new LinkedHashMap<String, String>();
            action.put("CallSid", callSid);
            action.put("CallStatus", "completed");
            action.put("DialCallStatus", "completed");
            action.put("DialCallDuration", Integer.toString(seconds));
            return List.of(completed, action);
        }

        long cost() {
            return RATE * ((seconds + 59) / 60);
        }
    }
}
