package com.mobayilo.calls;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's status callbacks and Dial actions for several calls at once, shuffled together, each delivered twice
 * and concurrently over signed HTTP: every call settles once, as if they had arrived in order. A failure names
 * its seed; {@code -Dcallbacks.seed=N} replays the same shuffle.
 */
class CallbackOrderIntegrationTests {

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        phone = new Telephony(app);
    }

    @Test
    void shuffledDuplicatedCallbacksOfSeveralCallsSettleEachCallOnce() throws Exception {
        var seed = Long.getLong("callbacks.seed", System.nanoTime());
        var calls = List.of(
                new Dialled(500, "completed", 65, 2),
                new Dialled(500, "busy", 0, 0),
                new Dialled(500, "no-answer", 0, 0),
                new Dialled(500, "failed", 0, 0),
                new Dialled(500, "canceled", 0, 0),
                // 50 credits hold 2 minutes; even a duration Twilio reports past the time limit is billed the hold
                new Dialled(50, "completed", 3_599, 2));
        var deliveries = new ArrayList<Supplier<HttpResponse<String>>>();
        calls.forEach(call -> deliveries.addAll(call.start()));
        Collections.shuffle(deliveries, new Random(seed));

        deliverConcurrently(deliveries, seed);

        for (var call : calls) {
            call.assertSettledOnce("seed " + seed);
        }
        phone.assertLedgerConsistent();
    }

    private static void deliverConcurrently(List<Supplier<HttpResponse<String>>> deliveries, long seed) throws Exception {
        var answers = new ArrayList<Future<HttpResponse<String>>>();
        try (var executor = Executors.newFixedThreadPool(8)) {
            deliveries.forEach(delivery -> answers.add(executor.submit(delivery::get)));
        }
        for (var answer : answers) {
            assertThat(answer.get().statusCode()).as("seed %d: %s", seed, answer.get().body()).isEqualTo(200);
        }
    }

    /** A call to +243 81 234 5678 (22 credits a minute) by a caller with {@code credit}, ending as Twilio says. */
    private static final class Dialled {

        private final long credit;

        private final String ending;

        private final int seconds;

        private final int minutes;

        private User caller;

        private final String callSid = Telephony.newSid();

        private final String childSid = Telephony.newSid();

        Dialled(long credit, String ending, int seconds, int minutes) {
            this.credit = credit;
            this.ending = ending;
            this.seconds = seconds;
            this.minutes = minutes;
        }

        /** Places the call through the voice webhook; answers its callbacks, each twice, still to be delivered. */
        List<Supplier<HttpResponse<String>>> start() {
            caller = phone.caller(credit);
            assertThat(TwimlDocument.parse(phone.voice(callSid, caller, "+243812345678").body()).dial()).as(ending).isNotNull();
            var steps = new ArrayList<String>(List.of("initiated", "ringing"));
            if (ending.equals("completed")) {
                steps.add("in-progress");
            }
            var once = new ArrayList<Supplier<HttpResponse<String>>>();
            steps.forEach(step -> once.add(() -> phone.status(callSid, childSid, step, null)));
            once.add(() -> phone.status(callSid, childSid, ending, seconds));
            once.add(() -> phone.dialAction(callSid, ending, seconds));
            var twice = new ArrayList<>(once);
            twice.addAll(once);
            return twice;
        }

        void assertSettledOnce(String seed) {
            var cost = Money.cents(22L * minutes);
            var ended = phone.call(callSid);
            var description = "%s, %s after %d s".formatted(seed, ending, seconds);
            assertThat(ended.status().twilioName()).as(description).isEqualTo(ending);
            assertThat(ended.billedMinutes()).as(description).isEqualTo(minutes);
            assertThat(ended.cost()).as(description).isEqualTo(cost);
            var balance = phone.balanceOf(caller);
            assertThat(balance.balance()).as(description).isEqualTo(Money.cents(credit).minus(cost));
            assertThat(balance.available()).as(description).isEqualTo(Money.cents(credit).minus(cost));
            assertThat(balance.held()).as(description).isEqualTo(Money.ZERO);
            var settlement = phone.settlementOf(callSid);
            assertThat(settlement.holds()).as(description).containsExactly("CAPTURED:" + cost.cents());
            assertThat(settlement.charges()).as(description).isEqualTo(minutes > 0 ? 1 : 0);
        }
    }
}
