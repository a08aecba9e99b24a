package com.mobayilo.calls;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code callerid.updated} event on the owner's stream: their caller ID changed. {@code status} is
 * {@code PENDING}, {@code VERIFIED}, {@code FAILED}, or {@code REMOVED} when calls show the default number again.
 * The code to type is never in it: events are kept, codes are not worth keeping.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallerIdUpdated(String status, String number, Instant verifiedAt) {

    public static final String TYPE = "callerid.updated";

    static CallerIdUpdated of(CallerId callerId) {
        return new CallerIdUpdated(callerId.status().name(), callerId.number(), callerId.verifiedAt());
    }

    static CallerIdUpdated removed() {
        return new CallerIdUpdated("REMOVED", null, null);
    }
}
