package com.mobayilo.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.mobayilo.calls.CallStatus.BUSY;
import static com.mobayilo.calls.CallStatus.CANCELED;
import static com.mobayilo.calls.CallStatus.COMPLETED;
import static com.mobayilo.calls.CallStatus.FAILED;
import static com.mobayilo.calls.CallStatus.INITIATED;
import static com.mobayilo.calls.CallStatus.IN_PROGRESS;
import static com.mobayilo.calls.CallStatus.NO_ANSWER;
import static com.mobayilo.calls.CallStatus.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every order in which Twilio may deliver a call's callbacks, once or twice each, ends the call the same way. */
class CallStateMachineTests {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    static Stream<Arguments> endings() {
        return Stream.of(
                arguments(List.of(report(INITIATED), report(RINGING), report(IN_PROGRESS), ended(COMPLETED, 65)), COMPLETED, 2),
                arguments(List.of(report(INITIATED), report(RINGING), ended(BUSY, 0)), BUSY, 0),
                arguments(List.of(report(INITIATED), report(RINGING), ended(NO_ANSWER, 0)), NO_ANSWER, 0),
                arguments(List.of(report(INITIATED), ended(FAILED, 0)), FAILED, 0),
                arguments(List.of(report(INITIATED), report(RINGING), ended(CANCELED, 0)), CANCELED, 0));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("endings")
    void everyOrderOfTheCallbacksEndsTheSame(List<Report> callbacks, CallStatus status, int minutes) {
        assertEveryOrderEndsAs(callbacks, status, minutes);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("endings")
    void everyOrderOfTheCallbacksEachDeliveredTwiceEndsTheSame(List<Report> callbacks, CallStatus status, int minutes) {
        var twice = Stream.concat(callbacks.stream(), callbacks.stream()).toList();
        assertEveryOrderEndsAs(twice, status, minutes);
    }

    @Test
    void aLateRingingAfterCompletedChangesNothing() {
        var completed = deliver(List.of(report(INITIATED), report(RINGING), report(IN_PROGRESS), ended(COMPLETED, 65)));
        assertThat(completed.progress(RINGING, START.plusSeconds(300))).isEqualTo(completed);
    }

    @Test
    void aSecondEndingChangesNothing() {
        var completed = deliver(List.of(report(IN_PROGRESS), ended(COMPLETED, 65)));
        assertThat(completed.end(FAILED, 0, START.plusSeconds(300))).isEqualTo(completed);
        assertThat(completed.end(COMPLETED, 3_000, START.plusSeconds(300))).isEqualTo(completed);
    }

    @Test
    void aLateRingingAfterAnswerKeepsTheCallInProgress() {
        var answered = deliver(List.of(report(IN_PROGRESS)));
        var late = answered.progress(RINGING, START.plusSeconds(30));
        assertThat(late.status()).isEqualTo(IN_PROGRESS);
        assertThat(late.answeredAt()).isEqualTo(answered.answeredAt());
    }

    private static void assertEveryOrderEndsAs(List<Report> callbacks, CallStatus status, int minutes) {
        var orders = new ArrayList<String>();
        var tried = new int[1];
        arrangements(callbacks, new ArrayList<>(), order -> {
            tried[0]++;
            var ended = deliver(order);
            var outcome = "%s %d min %s".formatted(ended.status(), ended.billedMinutes(), ended.cost());
            if (!outcome.equals("%s %d min %s".formatted(status, minutes, Money.cents(22L * minutes)))) {
                orders.add(order + " ended " + outcome);
            }
        });
        assertThat(orders).as("orders ending differently").isEmpty();
        assertThat(tried[0]).as("distinct orders tried").isEqualTo(distinctOrders(callbacks));
    }

    /** n! over the factorial of each report's multiplicity. */
    private static long distinctOrders(List<Report> reports) {
        long orders = factorial(reports.size());
        for (var report : Set.copyOf(reports)) {
            orders /= factorial(Collections.frequency(reports, report));
        }
        return orders;
    }

    private static long factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    /** The call after {@code reports}, applied one second apart as {@link CallProgress} applies them. */
    private static Call deliver(List<Report> reports) {
        var call = Telephony.connecting(22);
        for (int i = 0; i < reports.size(); i++) {
            call = reports.get(i).applyTo(call, START.plusSeconds(i + 1));
        }
        return call;
    }

    /** Each distinct order of {@code remaining} after {@code prefix}; equal reports are not told apart. */
    private static void arrangements(List<Report> remaining, List<Report> prefix, Consumer<List<Report>> each) {
        if (remaining.isEmpty()) {
            each.accept(List.copyOf(prefix));
            return;
        }
        var sorted = remaining.stream().sorted(Comparator.comparing(Report::toString)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).equals(sorted.get(i - 1))) {
                continue;
            }
            var rest = new ArrayList<>(sorted);
            prefix.add(rest.remove(i));
            arrangements(rest, prefix, each);
            prefix.removeLast();
        }
    }

    private static Report report(CallStatus status) {
        return new Report(status, 0);
    }

    private static Report ended(CallStatus status, int seconds) {
        return new Report(status, seconds);
    }

    /** One status callback: a step of the dialled leg, or its ending with Twilio's CallDuration. */
    record Report(CallStatus status, int seconds) {

        Call applyTo(Call call, Instant at) {
            return status.isTerminal() ? call.end(status, seconds, at) : call.progress(status, at);
        }

        @Override
        public String toString() {
            return status.isTerminal() ? status.twilioName() + "(" + seconds + " s)" : status.twilioName();
        }
    }
}
