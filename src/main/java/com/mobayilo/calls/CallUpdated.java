package com.mobayilo.calls;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code call.updated} event on the caller's stream: everything a dialer shows about the call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallUpdated(String callId, String callSid, String status, String refusal, String destination, String country,
        Long ratePerMinuteCents, int heldMinutes, int timeLimitSeconds, Instant createdAt, Instant answeredAt, Instant endedAt,
        Integer durationSeconds, Integer billedMinutes, Long costCents, String seat) {

    public static final String TYPE = "call.updated";

    public static CallUpdated of(Call call) {
        return new CallUpdated(call.id().toString(), call.callSid(), call.status().name(), call.refusal() == null ? null : call.refusal().name(),
                call.destination(), call.country() == null ? null : call.country().value(), call.rate() == null ? null : call.rate().cents(),
                call.heldMinutes(), call.timeLimitSeconds(), call.createdAt(), call.answeredAt(), call.endedAt(), call.durationSeconds(),
                call.billedMinutes(), call.cost() == null ? null : call.cost().cents(), null);
    }

    /**
     * The same change as the company's admins see it: which seat called, and the destination with its middle
     * digits hidden. The call's SID stays out, as nothing an admin does needs it.
     */
    public static CallUpdated forCompany(Call call) {
        var full = of(call);
        return new CallUpdated(full.callId(), null, full.status(), full.refusal(), MaskedNumber.of(call.destination()), full.country(),
                full.ratePerMinuteCents(), full.heldMinutes(), full.timeLimitSeconds(), full.createdAt(), full.answeredAt(), full.endedAt(),
                full.durationSeconds(), full.billedMinutes(), full.costCents(), call.caller().value().toString());
    }
}
