package com.mobayilo.calls.twilio;

import java.net.URI;
import java.util.Set;

import com.mobayilo.calls.CallerIdCarrier;
import com.mobayilo.calls.CallerIdRefusal;
import com.mobayilo.rating.PhoneNumber;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.ValidationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Twilio's outgoing caller ID validation ({@code POST /2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json}):
 * Twilio answers with a six-digit code, calls the number, and posts {@code VerificationStatus} to the status
 * callback. Its error codes become refusals a person can act on; nothing of Twilio's reaches them.
 */
final class TwilioCallerIds implements CallerIdCarrier {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallerIds.class);

    private static final int ALREADY_VERIFIED = 21450;

    private static final Set<Integer> UNREACHABLE = Set.of(21211, 21214, 21217, 21401);

    private static final Set<Integer> NOT_PERMITTED = Set.of(21215, 21216);

    private final TwilioRestClient client;

    TwilioCallerIds(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public Mono<Validation> requestValidation(PhoneNumber number, String friendlyName, String statusCallback) {
        return Mono.fromCallable(() -> ValidationRequest.creator(new com.twilio.type.PhoneNumber(number.e164()))
                        .setFriendlyName(friendlyName)
                        .setStatusCallback(URI.create(statusCallback))
                        .setStatusCallbackMethod(HttpMethod.POST)
                        .create(client))
                .subscribeOn(Schedulers.boundedElastic())
                .map(created -> new Validation(created.getCallSid(), created.getValidationCode()))
                .onErrorMap(TwilioException.class, TwilioCallerIds::refusal);
    }

    private static CallerIdRefusal.CallRefused refusal(TwilioException error) {
        var code = error instanceof ApiException api ? api.getCode() : null;
        var reason = code == null ? CallerIdRefusal.Reason.UNAVAILABLE
                : code == ALREADY_VERIFIED ? CallerIdRefusal.Reason.ALREADY_REGISTERED
                : UNREACHABLE.contains(code) ? CallerIdRefusal.Reason.UNREACHABLE
                : NOT_PERMITTED.contains(code) ? CallerIdRefusal.Reason.NOT_PERMITTED
                : CallerIdRefusal.Reason.UNAVAILABLE;
        if (reason == CallerIdRefusal.Reason.UNAVAILABLE) {
            log.warn("Twilio refused a caller ID validation request: {} {}", code, error.getMessage());
        }
        return new CallerIdRefusal.CallRefused(reason);
    }
}
