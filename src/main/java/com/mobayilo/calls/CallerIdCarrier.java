package com.mobayilo.calls;

import com.mobayilo.rating.PhoneNumber;
import reactor.core.publisher.Mono;

/**
 * Places the verification call for a caller ID: Twilio's outgoing caller ID validation, or the sandbox carrier.
 * The carrier answers with the code the person must type, calls the number, and posts the outcome, signed, to
 * {@code statusCallback}. A refusal is a {@link CallerIdRefusal.CallRefused}.
 */
public interface CallerIdCarrier {

    Mono<Validation> requestValidation(PhoneNumber number, String friendlyName, String statusCallback);

    /** The verification call the carrier placed, and the code it expects on the keypad. */
    record Validation(String callSid, String code) {
    }
}
