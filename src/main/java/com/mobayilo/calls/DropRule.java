package com.mobayilo.calls;

import java.time.Duration;
import java.util.Set;

/**
 * When a call counts as dropped by the network, and so is credited back (docs/decisions/0026-call-quality.md): it
 * was answered and billed, it ended within {@code window} of the answer, and the carrier's summary says the
 * caller's leg went away with one of the Voice SDK's network errors.
 */
public record DropRule(Duration window, int dailyLimit) {

    /**
     * The SDK's errors of a lost network: 31003 (ICE connection failed), 31005 (connection to the gateway lost),
     * 31009 (no transport), 53001 (signalling disconnected), 53405 (media connection failed).
     */
    static final Set<Integer> NETWORK_ERRORS = Set.of(31003, 31005, 31009, 53001, 53405);

    public DropRule {
        if (window.isNegative() || window.isZero() || dailyLimit < 0) {
            throw new IllegalArgumentException("Drop protection needs a window and a daily limit of at least zero");
        }
    }

    public boolean covers(Call call, CallSummary summary) {
        return couldCover(call) && summary.endedByTheCallersNetwork();
    }

    /** The half of the rule the call's own record decides: answered, billed, and ended within the window. */
    public boolean couldCover(Call call) {
        var bill = call.bill();
        return call.status() == CallStatus.COMPLETED && call.answeredAt() != null && bill.billedMinutes() > 0 && bill.cost().cents() > 0
                && bill.durationSeconds() <= window.toSeconds();
    }
}
