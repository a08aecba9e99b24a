package com.mobayilo.calls;

import reactor.core.publisher.Mono;

/**
 * Where the server asks how a call ended when nobody posts it: Twilio's Voice Insights in live mode
 * (docs/decisions/0031-live-drop-protection.md). In the sandbox its carrier posts each summary itself, so none is asked.
 */
public interface CallSummaries {

    /** Whether summaries must be asked for: true in live mode, where Twilio posts none. */
    boolean areAsked();

    /** What the carrier can say now about the call {@code callSid} (the browser's leg); never an error. */
    Mono<Answer> ask(String callSid);

    /** An answer to one question about a call. */
    sealed interface Answer permits Known, NotYet, Unreachable {
    }

    /** The carrier knows enough to decide. */
    record Known(CallSummary summary) implements Answer {
    }

    /** The carrier has no summary yet, or one that does not say enough yet: ask again later. */
    record NotYet(String why) implements Answer {
    }

    /** The carrier could not be asked (refused credentials, throttled, down, too slow): ask again later. */
    record Unreachable(String problem) implements Answer {
    }
}
