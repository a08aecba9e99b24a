package com.mobayilo.calls.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One call through the sandbox carrier: the browser's leg and the simulated PSTN leg, with what the TwiML
 * asked for. Times are real; durations are reported in simulated seconds (real seconds × speed).
 */
final class SimulatedCall {

    final String callSid;

    final String childSid;

    final String identity;

    volatile Dialled dialled;

    volatile Instant answeredAt;

    volatile String endedWith;

    volatile int durationSeconds;

    volatile boolean hangupRequested;

    SimulatedCall(String callSid, String childSid, String identity) {
        this.callSid = callSid;
        this.childSid = childSid;
        this.identity = identity;
    }

    int simulatedSecondsSinceAnswer(Instant now, double speed) {
        return answeredAt == null ? 0 : (int) Math.floor(Duration.between(answeredAt, now).toMillis() * speed / 1000.0);
    }

    /** What the Dial verb asked for. */
    record Dialled(String number, int timeLimitSeconds, String statusCallback, String action) {
    }
}
