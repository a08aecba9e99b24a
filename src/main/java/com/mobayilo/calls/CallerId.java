package com.mobayilo.calls;

import java.time.Instant;

/**
 * A person's own number as their caller ID (docs/decisions/0014-caller-id.md). Calls show it only once it is
 * {@link CallerIdStatus#VERIFIED}; while Twilio calls the number, {@code code} is what the person types on its
 * keypad, and {@code validationSid} names that verification call.
 */
public record CallerId(String number, CallerIdStatus status, String code, String validationSid, Instant requestedAt, Instant verifiedAt) {

    public boolean isVerified() {
        return status == CallerIdStatus.VERIFIED;
    }

    public boolean isPending() {
        return status == CallerIdStatus.PENDING;
    }

    /** Twilio is still calling {@code number} about this request, so asking again would only ring it twice. */
    boolean awaits(String number, Instant now) {
        return isPending() && this.number.equals(number) && requestedAt.plus(CallerIdVerification.PENDING_LIFETIME).isAfter(now);
    }
}
