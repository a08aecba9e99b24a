package com.mobayilo.calls.twilio;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.mobayilo.calls.CallSummaries;
import com.mobayilo.calls.CallSummary;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.insights.v1.call.CallSummary.ProcessingState;
import com.twilio.rest.insights.v1.call.Event;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Voice Insights over REST (docs/decisions/0031-live-drop-protection.md). The summary asked for is the browser's
 * leg's (the parent call, whose SID the voice webhook recorded): that leg is the one with an {@code sdk_edge}; the
 * dialled leg has only a carrier edge. {@code properties.disconnected_by} says who hung up; when the caller did, the
 * SDK edge's ERROR events say whether the SDK lost its network ({@code sdk_edge.error.code}).
 */
final class TwilioCallSummaries implements CallSummaries {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TwilioRestClient client;

    TwilioCallSummaries(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public boolean areAsked() {
        return true;
    }

    @Override
    public Mono<Answer> ask(String callSid) {
        return Mono.fromCallable(() -> answer(callSid))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(PATIENCE)
                .onErrorResume(ApiException.class, TwilioCallSummaries::refused)
                .onErrorResume(TwilioException.class, ex -> Mono.just(new Unreachable("Twilio could not be reached: " + ex.getMessage())))
                .onErrorResume(TimeoutException.class, ex -> Mono.just(new Unreachable("Twilio did not answer within " + PATIENCE.toSeconds() + " s")));
    }

    private Answer answer(String callSid) {
        // Without ProcessingState=partial Twilio answers 404 until the complete summary, half an hour after the call.
        var summary = com.twilio.rest.insights.v1.call.CallSummary.fetcher(callSid).setProcessingState(ProcessingState.PARTIAL).fetch(client);
        var complete = summary.getProcessingState() == ProcessingState.COMPLETE;
        var disconnectedBy = text(summary.getProperties(), "disconnected_by");
        if (disconnectedBy == null) {
            return new NotYet("the summary does not say yet who hung up");
        }
        if (!"caller".equals(disconnectedBy) || summary.getSdkEdge() == null) {
            return new Known(new CallSummary(callSid, disconnectedBy, 0));
        }
        var error = sdkError(callSid);
        if (error == 0 && !complete) {
            // The caller's side hung up and no SDK error is in yet: wait for the complete summary before saying "no drop".
            return new NotYet("the caller's side hung up and the partial summary shows no SDK error yet");
        }
        return new Known(new CallSummary(callSid, "caller", error));
    }

    /** The SDK's network error on this call, else its first error, else 0. */
    private int sdkError(String callSid) {
        var first = 0;
        for (var event : Event.reader(callSid).setEdge(Event.TwilioEdge.SDK_EDGE).limit(200).read(client)) {
            var code = event.getLevel() == Event.Level.ERROR ? errorCode(event.getSdkEdge()) : 0;
            if (CallSummary.isNetworkError(code)) {
                return code;
            }
            first = first == 0 ? code : first;
        }
        return first;
    }

    private static int errorCode(Object sdkEdge) {
        var error = sdkEdge instanceof Map<?, ?> edge ? edge.get("error") : null;
        var code = error instanceof Map<?, ?> details ? details.get("code") : null;
        if (code == null && sdkEdge instanceof Map<?, ?> edge) {
            code = edge.get("error_code");
        }
        try {
            return code == null ? 0 : Integer.parseInt(code.toString());
        }
        catch (NumberFormatException notACode) {
            return 0;
        }
    }

    private static String text(Object object, String field) {
        var value = object instanceof Map<?, ?> map ? map.get(field) : null;
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** 404: no summary yet (Twilio makes a partial one within ten minutes). Anything else: Twilio could not answer. */
    private static Mono<Answer> refused(ApiException ex) {
        var status = ex.getStatusCode();
        if (status != null && status == 404) {
            return Mono.just(new NotYet("no summary yet (404)"));
        }
        return Mono.just(new Unreachable("Twilio answered " + status + ": " + ex.getMessage()));
    }
}
