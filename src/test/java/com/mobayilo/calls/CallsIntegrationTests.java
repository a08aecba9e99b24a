package com.mobayilo.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.User;
import com.mobayilo.rating.DestinationPolicy;
import com.mobayilo.rating.Policies;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.InjectedFaults;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls over real HTTP: signed webhooks, the sandbox carrier, holds and settlement on the real ledger. */
class CallsIntegrationTests {

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        // talk time runs 30 times faster than real time, so a 78-second call takes 2.6 s and leaves 1.4 s of slack before its third minute
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=30", "--mobayilo.sandbox.carrier.ringing=PT0.3S");
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
    void aSandboxCallRingsConnectsAndIsBilledPerStartedMinute() throws Exception {
        var caller = phone.caller(500);
        var token = token(caller);
        try (var call = SandboxCall.dial(app, token, "+243 81 234 5678")) {
            var callSid = call.awaitSignal("accepted").get("callSid");
            call.awaitSignal("ringing");
            assertThat(phone.call(callSid).status()).isIn(CallStatus.INITIATED, CallStatus.RINGING);
            call.awaitSignal("answered");
            var held = phone.balanceOf(caller);
            assertThat(held.held()).isEqualTo(Money.cents(22 * 22));
            Thread.sleep(2_600);
            call.hangup();
            assertThat(call.awaitSignal("disconnected").get("reason")).isEqualTo("completed");
            var ended = await().atMost(Duration.ofSeconds(10)).until(() -> phone.call(callSid), done -> done.status() == CallStatus.COMPLETED);
            assertThat(ended.durationSeconds()).isBetween(61, 119);
            assertThat(ended.billedMinutes()).isEqualTo(2);
            assertThat(ended.cost()).isEqualTo(Money.cents(44));
            assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(456));
            assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
        }
    }

    @Test
    void aBusyNumberCostsNothing() throws Exception {
        var caller = phone.caller(500);
        try (var call = SandboxCall.dial(app, token(caller), "+243 81 234 0002")) {
            var callSid = call.awaitSignal("accepted").get("callSid");
            assertThat(call.awaitSignal("disconnected").get("reason")).isEqualTo("busy");
            var ended = await().atMost(Duration.ofSeconds(10)).until(() -> phone.call(callSid), done -> done.status().isTerminal());
            assertThat(ended.status()).isEqualTo(CallStatus.BUSY);
            assertThat(ended.cost()).isEqualTo(Money.ZERO);
            assertThat(phone.balanceOf(caller).available()).isEqualTo(Money.cents(500));
        }
    }

    @Test
    void aCallThatReachesItsTimeLimitIsBilledExactlyTheHeldMinutes() throws Exception {
        var caller = phone.caller(50);
        try (var call = SandboxCall.dial(app, token(caller), "+243 81 234 5678")) {
            var callSid = call.awaitSignal("accepted").get("callSid");
            assertThat(call.awaitSignal("disconnected").get("reason")).isEqualTo("time-limit");
            var ended = await().atMost(Duration.ofSeconds(10)).until(() -> phone.call(callSid), done -> done.status().isTerminal());
            assertThat(ended.heldMinutes()).isEqualTo(2);
            assertThat(ended.billedMinutes()).isEqualTo(2);
            assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(6));
        }
    }

    @Test
    void aSerializationFailureWhileSettlingRunsTheWholeSettlementAgainAndBillsOnce() {
        var caller = phone.caller(500);
        var callSid = Telephony.newSid();
        assertThat(phone.voice(callSid, caller, "+243812345678").body()).contains("<Dial");
        InjectedFaults.failFirstBookingOf(app, callSid, InjectedFaults.SERIALIZATION_FAILURE);
        var answer = phone.status(callSid, "CH" + callSid.substring(2), "completed", 75);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(InjectedFaults.attempts(app, callSid)).as("the failed booking, then the one that posted").isEqualTo(2);
        var ended = phone.call(callSid);
        assertThat(ended.status()).isEqualTo(CallStatus.COMPLETED);
        assertThat(ended.cost()).isEqualTo(Money.cents(44));
        assertThat(phone.settlementOf(callSid)).isEqualTo(new Telephony.Settlement(List.of("CAPTURED:44"), 1));
        assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(456));
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
    }

    @Test
    void insufficientCreditIsSpokenInTheCallersLanguageAndCostsNothing() {
        var caller = phone.caller(10);
        var callSid = Telephony.newSid();
        var answer = phone.voice(callSid, caller, "+243812345678");
        assertThat(answer.statusCode()).isEqualTo(200);
        var twiml = TwimlDocument.parse(answer.body());
        assertThat(twiml.say()).contains("not have enough credit");
        assertThat(twiml.hasHangup()).isTrue();
        assertThat(twiml.dial()).isNull();
        var refused = phone.call(callSid);
        assertThat(refused.status()).isEqualTo(CallStatus.REFUSED);
        assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_CREDIT);
        assertThat(phone.balanceOf(caller).available()).isEqualTo(Money.cents(10));
    }

    @Test
    void aClearedCallDialsWithATimeLimitItsHoldPaysFor() {
        var caller = phone.caller(100);
        var callSid = Telephony.newSid();
        var twiml = TwimlDocument.parse(phone.voice(callSid, caller, "0812345678").body());
        var dial = twiml.dial();
        assertThat(dial.getAttribute("timeLimit")).isEqualTo("240");
        assertThat(dial.getAttribute("callerId")).isEqualTo(phone.account().number());
        assertThat(dial.getAttribute("action")).isEqualTo(app.coreUrl() + "/webhooks/twilio/status");
        var number = twiml.number();
        assertThat(number.getTextContent()).isEqualTo("+243812345678");
        assertThat(number.getAttribute("statusCallback")).isEqualTo(app.coreUrl() + "/webhooks/twilio/status");
        assertThat(number.getAttribute("statusCallbackEvent")).isEqualTo("initiated ringing answered completed");
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.cents(88));
        // Twilio asking again about the same call holds nothing more
        assertThat(TwimlDocument.parse(phone.voice(callSid, caller, "0812345678").body()).dial().getAttribute("timeLimit")).isEqualTo("240");
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.cents(88));
        phone.dialAction(callSid, "no-answer", 0);
    }

    @Test
    void twilioAskingAboutOneCallFiveTimesAtOnceGetsOneAnswerAndOneHold() {
        var caller = phone.caller(100);
        var callSid = Telephony.newSid();
        var limits = java.util.stream.IntStream.range(0, 5).parallel()
                .mapToObj(attempt -> TwimlDocument.parse(phone.voice(callSid, caller, "0812345678").body()).dial().getAttribute("timeLimit"))
                .toList();
        assertThat(limits).containsOnly("240");
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.cents(88));
        var refusedSid = Telephony.newSid();
        var refusals = java.util.stream.IntStream.range(0, 5).parallel()
                .mapToObj(attempt -> TwimlDocument.parse(phone.voice(refusedSid, caller, "12").body()))
                .toList();
        assertThat(refusals).allSatisfy(twiml -> assertThat(twiml.dial()).isNull());
        assertThat(phone.call(refusedSid).refusal()).isEqualTo(Refusal.INVALID_NUMBER);
        phone.dialAction(callSid, "no-answer", 0);
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
    }

    @Test
    void forgedOrTamperedWebhooksAreRefused() {
        var caller = phone.caller(100);
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("CallSid", Telephony.newSid());
        form.put("From", "client:" + phone.identityOf(caller));
        form.put("To", "+243812345678");
        assertThat(phone.post("/webhooks/twilio/voice", form, null).statusCode()).isEqualTo(403);
        assertThat(phone.post("/webhooks/twilio/voice", form, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        var signature = new com.mobayilo.calls.twilio.TwilioSignatures(phone.account().authToken()).sign(app.coreUrl() + "/webhooks/twilio/voice", form);
        form.put("To", "+243899999999");
        var tampered = phone.post("/webhooks/twilio/voice", form, signature);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(phone.post("/webhooks/twilio/status", java.util.Map.of("CallSid", "CA1", "CallStatus", "completed"), "x").statusCode()).isEqualTo(403);
        assertThat(phone.balanceOf(caller).held()).isEqualTo(Money.ZERO);
    }

    @Test
    void aForgedStatusCallbackCannotEndALiveCall() {
        var caller = phone.caller(100);
        var callSid = Telephony.newSid();
        assertThat(TwimlDocument.parse(phone.voice(callSid, caller, "+243812345678").body()).dial()).isNotNull();
        var held = phone.balanceOf(caller);
        var form = java.util.Map.of("CallSid", Telephony.newSid(), "ParentCallSid", callSid, "CallStatus", "completed", "CallDuration", "240");
        var forger = new com.mobayilo.calls.twilio.TwilioSignatures("not-the-auth-token");
        var forged = phone.post("/webhooks/twilio/status", form, forger.sign(app.coreUrl() + "/webhooks/twilio/status", form));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(phone.call(callSid).status()).isEqualTo(CallStatus.INITIATED);
        assertThat(phone.balanceOf(caller)).isEqualTo(held);
        phone.dialAction(callSid, "no-answer", 0);
    }

    @Test
    void aLiveCallBlocksASecondAndTodaysSpendingShortensTheNext() {
        // the default policy: one call at a time, and a new account may spend 500 credits a day
        var caller = phone.caller(100_000);
        var first = Telephony.newSid();
        assertThat(TwimlDocument.parse(phone.voice(first, caller, "+243812345678").body()).dial().getAttribute("timeLimit")).isEqualTo("1320");
        var second = Telephony.newSid();
        assertThat(TwimlDocument.parse(phone.voice(second, caller, "+243812345678").body()).dial()).isNull();
        assertThat(phone.call(second).refusal()).isEqualTo(Refusal.TOO_MANY_CALLS);
        phone.status(first, Telephony.newSid(), "completed", 60);
        var third = Telephony.newSid();
        // 22 credits spent today leave 478: 21 minutes at 22 a minute
        assertThat(TwimlDocument.parse(phone.voice(third, caller, "+243812345678").body()).dial().getAttribute("timeLimit")).isEqualTo("1260");
        phone.dialAction(third, "no-answer", 0);
    }

    @Test
    void twoParallelCallsOnOneWalletBothHoldAndNeitherOverdraws() {
        var policies = app.bean(Policies.class);
        var before = policies.current();
        var operator = phone.caller(0).id();
        policies.update(new DestinationPolicy(Money.cents(100_000), Money.cents(100_000), 7, 2), operator).block();
        try {
            var caller = phone.caller(5_000);
            var first = Telephony.newSid();
            var second = Telephony.newSid();
            var answers = List.of(first, second).parallelStream().map(sid -> phone.voice(sid, caller, "+243812345678")).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(TwimlDocument.parse(answer.body()).dial()).isNotNull());
            var held = phone.call(first).heldMinutes() + phone.call(second).heldMinutes();
            assertThat(held * 22L).isLessThanOrEqualTo(5_000);
            assertThat(phone.balanceOf(caller).available().isNegative()).isFalse();
            for (var sid : List.of(first, second)) {
                phone.status(sid, Telephony.newSid(), "completed", phone.call(sid).timeLimitSeconds());
            }
            assertThat(phone.balanceOf(caller).balance()).isEqualTo(Money.cents(5_000 - held * 22L));
            assertThat(phone.balanceOf(caller).balance().isNegative()).isFalse();
        }
        finally {
            policies.update(before, operator).block();
        }
    }

    @Test
    void theTokenEndpointNeedsAKeyNamesNoEmailAndIsRateLimited() {
        var caller = phone.caller(0);
        var key = app.bean(ApiKeys.class).create(caller.id(), "dialer").block().secret();
        var anonymous = Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/api/calls/token")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var issued = requestToken(key);
        assertThat(issued.statusCode()).isEqualTo(200);
        var body = Http.json(issued);
        assertThat(body.get("identity").asString()).isEqualTo(phone.identityOf(caller)).doesNotContain("@");
        var claims = new String(java.util.Base64.getUrlDecoder().decode(body.get("token").asString().split("\\.")[1]));
        assertThat(claims).contains(phone.account().twimlAppSid()).doesNotContain(caller.email().value());
        HttpResponse<String> last = issued;
        for (int i = 0; i < 25 && last.statusCode() == 200; i++) {
            last = requestToken(key);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    private static HttpResponse<String> requestToken(String key) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/api/calls/token")).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String token(User caller) {
        return app.bean(com.mobayilo.calls.twilio.VoiceTokens.class).issue(caller.id(), "127.0.0.1").block().jwt();
    }

    /** The browser side of a sandbox call: the carrier's signal stream, read as the simulated device reads it. */
    static final class SandboxCall implements AutoCloseable {

        private final TestApp app;

        private final String token;

        private final LinkedBlockingQueue<java.util.Map<String, String>> signals = new LinkedBlockingQueue<>();

        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        private String callSid;

        private SandboxCall(TestApp app, String token, String to) {
            this.app = app;
            this.token = token;
            var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/sandbox/carrier/calls"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\"}")).build();
            this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(lines -> {
                if (lines.statusCode() != 200) {
                    signals.add(java.util.Map.of("event", "refused", "status", Integer.toString(lines.statusCode()),
                            "body", lines.body().collect(java.util.stream.Collectors.joining())));
                    return;
                }
                var event = new String[1];
                lines.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                    }
                    else if (line.startsWith("data:")) {
                        var data = Http.json(line.substring(5));
                        var signal = new java.util.HashMap<String, String>();
                        data.properties().forEach(entry -> signal.put(entry.getKey(), entry.getValue().asString()));
                        signal.put("event", event[0]);
                        signals.add(signal);
                    }
                });
            });
        }

        static SandboxCall dial(TestApp app, String token, String to) {
            return new SandboxCall(app, token, to);
        }

        java.util.Map<String, String> awaitSignal(String name) throws InterruptedException {
            while (true) {
                var signal = signals.poll(15, TimeUnit.SECONDS);
                assertThat(signal).as("signal " + name).isNotNull();
                assertThat(signal.get("event")).as("%s", signal).isNotEqualTo("refused");
                if (signal.containsKey("callSid")) {
                    callSid = signal.get("callSid");
                }
                if (name.equals(signal.get("event"))) {
                    return signal;
                }
            }
        }

        void hangup() {
            var hangup = Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/sandbox/carrier/calls/" + callSid))
                    .header("Authorization", "Bearer " + token).DELETE().build());
            assertThat(hangup.statusCode()).isEqualTo(204);
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }
}
