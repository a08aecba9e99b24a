package com.mobayilo.calls;

import java.math.BigDecimal;
import java.util.Optional;

import reactor.core.publisher.Mono;

/** Asks the carrier (Twilio, or the sandbox carrier) how a call went, for calls whose ending never reached us. */
public interface CarrierCalls {

    /** How the dialled leg of the browser call {@code callSid} ended; empty while it is still going on. */
    Mono<Ended> ending(String callSid);

    /** The carrier's own account of a finished call: status, talk time and what it charged us, if known. */
    record Ended(CallStatus status, int durationSeconds, Optional<BigDecimal> priceCents) {
    }
}
