package com.mobayilo.calls;

/**
 * What the carrier says about how a call ended, once it is over: Voice Insights' call summary in live mode, the
 * sandbox carrier's in sandbox (docs/decisions/0026-call-quality.md). {@code disconnectedBy} is {@code caller} or
 * {@code callee}; {@code errorCode} is the Voice SDK's error on the caller's leg, 0 without one.
 */
public record CallSummary(String callSid, String disconnectedBy, int errorCode) {

    /** Whether the Voice SDK's error {@code code} means the network was lost (see {@link DropRule}). */
    public static boolean isNetworkError(int code) {
        return DropRule.NETWORK_ERRORS.contains(code);
    }

    public boolean endedByTheCallersNetwork() {
        return "caller".equals(disconnectedBy) && DropRule.NETWORK_ERRORS.contains(errorCode);
    }
}
