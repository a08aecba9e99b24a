package com.mobayilo.companies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code seat.updated} on the company's stream: a member was invited, changed, disabled, removed, came online or
 * went offline. Dashboards re-read the seat; the payload says what kind of change it was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatUpdated(String seat, String status, String change, Boolean online) {

    public static final String TYPE = "seat.updated";

    static SeatUpdated of(Seat seat, String change) {
        return new SeatUpdated(seat.user().value().toString(), seat.status().name(), change, null);
    }

    static SeatUpdated presence(java.util.UUID seat, boolean online) {
        return new SeatUpdated(seat.toString(), null, "presence", online);
    }
}
