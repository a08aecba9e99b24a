package com.mobayilo.calls;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropRuleTests {

    private static final DropRule RULE = new DropRule(Duration.ofSeconds(30), 3);

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static Call answeredFor(int seconds) {
        var call = Telephony.connecting(10).progress(CallStatus.IN_PROGRESS, NOW.minusSeconds(seconds));
        return call.end(CallStatus.COMPLETED, seconds, NOW);
    }

    @Test
    void anAnsweredCallTheCallersNetworkEndedWithinTheWindowIsADrop() {
        assertThat(RULE.covers(answeredFor(5), new CallSummary("CA1", "caller", 53405))).isTrue();
        assertThat(RULE.covers(answeredFor(30), new CallSummary("CA1", "caller", 31005))).isTrue();
    }

    @Test
    void aCallLongerThanTheWindowIsNoDrop() {
        assertThat(RULE.covers(answeredFor(31), new CallSummary("CA1", "caller", 53405))).isFalse();
    }

    @Test
    void aCallTheCalleeEndedOrEndedWithoutANetworkErrorIsNoDrop() {
        assertThat(RULE.covers(answeredFor(5), new CallSummary("CA1", "callee", 53405))).isFalse();
        assertThat(RULE.covers(answeredFor(5), new CallSummary("CA1", "caller", 0))).isFalse();
        assertThat(RULE.covers(answeredFor(5), new CallSummary("CA1", "caller", 31208))).isFalse();
    }

    @Test
    void aCallThatWasNeverAnsweredCostNothingAndIsNoDrop() {
        var unanswered = Telephony.connecting(10).end(CallStatus.NO_ANSWER, 0, NOW);
        assertThat(RULE.covers(unanswered, new CallSummary("CA1", "caller", 53405))).isFalse();
    }

    @Test
    void whetherACallCouldBeADropIsKnownFromItsOwnRecordBeforeAnySummary() {
        assertThat(RULE.couldCover(answeredFor(5))).isTrue();
        assertThat(RULE.couldCover(answeredFor(31))).isFalse();
        assertThat(RULE.couldCover(Telephony.connecting(10).end(CallStatus.BUSY, 0, NOW))).isFalse();
    }

    @Test
    void aRuleNeedsAWindow() {
        assertThatThrownBy(() -> new DropRule(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
