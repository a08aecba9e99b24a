package com.mobayilo.calls;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mobayilo.accounts.User;
import com.mobayilo.bench.CallLoad;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storm of Twilio webhooks: 1,000 calls by 20 callers, then 10,000 signed status callbacks and Dial actions
 * (every step of every call, each delivered more than once), shuffled together and posted 32 at a time. Afterwards
 * the ledger is exactly what the calls cost, started minute by started minute, as if every callback had arrived
 * once and in order. A failure names its seed; {@code -Dstorm.seed=N} replays the same shuffle.
 *
 * <p>It runs on an app of its own: lifting the platform's daily caps and concurrent-call limit (as the benchmarks
 * do, {@link CallLoad#allowManyCalls}) must not change what other tests see.
 */
class WebhookStormIntegrationTests {

    private static final int CALLERS = 20;

    private static final int CALLS = 1_000;

    private static final int DELIVERIES_PER_CALL = 10;

    private static final long CREDIT = 1_000_000;

    /** +243 81 234 5678 costs 22 credits a minute. */
    private static final long RATE = 22;

    private static final List<String> ENDINGS = List.of("completed", "completed", "completed", "completed", "busy", "no-answer", "failed", "canceled");

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        phone = new Telephony(app);
        CallLoad.allowManyCalls(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void tenThousandShuffledDuplicatedCallbacksForAThousandCallsLeaveExactlyTheExpectedLedger() throws Exception {
        var seed = Long.getLong("storm.seed", System.nanoTime());
        var random = new Random(seed);
        var callers = new ArrayList<User>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(phone.caller(CREDIT));
        }
        var calls = new ArrayList<Dialled>();
        for (int i = 0; i < CALLS; i++) {
            var ending = ENDINGS.get(random.nextInt(ENDINGS.size()));
            calls.add(new Dialled(callers.get(i % CALLERS), ending, ending.equals("completed") ? 1 + random.nextInt(600) : 0));
        }

        deliver(calls.stream().map(call -> (Callable<HttpResponse<String>>) call::dial).toList(), seed);
        assertThat(calls).allSatisfy(call -> assertThat(phone.call(call.callSid).status()).isEqualTo(CallStatus.INITIATED));

        var callbacks = new ArrayList<Callable<HttpResponse<String>>>();
        calls.forEach(call -> callbacks.addAll(call.callbacks(random)));
        assertThat(callbacks).hasSize(CALLS * DELIVERIES_PER_CALL);
        Collections.shuffle(callbacks, random);
        deliver(callbacks, seed);

        var charged = new HashMap<User, Long>();
        for (var call : calls) {
            call.assertSettled("seed " + seed);
            charged.merge(call.caller, call.cost(), Long::sum);
        }
        for (var caller : callers) {
            var balance = phone.balanceOf(caller);
            var expected = Money.cents(CREDIT - charged.getOrDefault(caller, 0L));
            assertThat(balance.balance()).as("seed %d", seed).isEqualTo(expected);
            assertThat(balance.available()).as("seed %d", seed).isEqualTo(expected);
            assertThat(balance.held()).as("seed %d", seed).isEqualTo(Money.ZERO);
        }
        assertThat(app.activeHolds()).as("seed %d", seed).isZero();
        phone.assertLedgerConsistent();
    }

    /** Posts every request, 32 at a time, and expects each to be answered 200. */
    private static void deliver(List<Callable<HttpResponse<String>>> requests, long seed) throws Exception {
        var answers = new ArrayList<Future<HttpResponse<String>>>();
        try (var executor = Executors.newFixedThreadPool(32)) {
            requests.forEach(request -> answers.add(executor.submit(request)));
        }
        for (var answer : answers) {
            assertThat(answer.get().statusCode()).as("seed %d: %s", seed, answer.get().body()).isEqualTo(200);
        }
    }

    /** One call to +243 81 234 5678, ending as Twilio says after {@code seconds} of talk. */
    private static final class Dialled {

        private final User caller;

        private final String ending;

        private final int seconds;

        private final String callSid = Telephony.newSid();

        private final String childSid = Telephony.newSid();

        Dialled(User caller, String ending, int seconds) {
            this.caller = caller;
            this.ending = ending;
            this.seconds = seconds;
        }

        HttpResponse<String> dial() {
            var answer = phone.voice(callSid, caller, "+243812345678");
            assertThat(TwimlDocument.parse(answer.body()).dial()).as(callSid).isNotNull();
            return answer;
        }

        /** Every callback of the call once, then repeats of them, {@link #DELIVERIES_PER_CALL} in all. */
        List<Callable<HttpResponse<String>>> callbacks(Random random) {
            var steps = new ArrayList<>(List.of("initiated", "ringing"));
            if (ending.equals("completed")) {
                steps.add("in-progress");
            }
            var once = new ArrayList<Callable<HttpResponse<String>>>();
            steps.forEach(step -> once.add(() -> phone.status(callSid, childSid, step, null)));
            once.add(() -> phone.status(callSid, childSid, ending, seconds));
            once.add(() -> phone.dialAction(callSid, ending, seconds));
            var all = new ArrayList<>(once);
            while (all.size() < DELIVERIES_PER_CALL) {
                all.add(once.get(random.nextInt(once.size())));
            }
            return all;
        }

        long cost() {
            return RATE * minutes();
        }

        private int minutes() {
            return (seconds + 59) / 60;
        }

        void assertSettled(String seed) {
            var description = "%s: %s %s after %d s".formatted(seed, callSid, ending, seconds);
            var ended = phone.call(callSid);
            assertThat(ended.status().twilioName()).as(description).isEqualTo(ending);
            assertThat(ended.billedMinutes()).as(description).isEqualTo(minutes());
            assertThat(ended.cost()).as(description).isEqualTo(Money.cents(cost()));
            var settlement = phone.settlementOf(callSid);
            assertThat(settlement.holds()).as(description).containsExactly("CAPTURED:" + cost());
            assertThat(settlement.charges()).as(description).isEqualTo(cost() > 0 ? 1 : 0);
        }
    }
}
