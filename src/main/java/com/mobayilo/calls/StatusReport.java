package com.mobayilo.calls;

/**
 * A carrier's report about a call: a status callback, the Dial action, or the stale-call job's lookup.
 * {@code callSid} is the call as the voice webhook saw it (the browser's leg); {@code reportSid} and
 * {@code reportName} identify the report itself, so each is applied once.
 */
public record StatusReport(String callSid, String reportSid, String reportName, CallStatus status, int durationSeconds) {

    /** A status callback of the dialled leg: Twilio names the browser's leg {@code ParentCallSid}. */
    public static StatusReport callback(String callSid, String parentCallSid, CallStatus status, String twilioStatus, int duration) {
        return new StatusReport(parentCallSid == null || parentCallSid.isBlank() ? callSid : parentCallSid, callSid, twilioStatus, status, duration);
    }

    /** The Dial verb's action callback, on the browser's leg, with the dialled leg's status and duration. */
    public static StatusReport dialAction(String callSid, CallStatus status, String dialCallStatus, int dialDuration) {
        return new StatusReport(callSid, callSid, "dial:" + dialCallStatus, status, dialDuration);
    }
}
