package com.mobayilo.events;

import java.time.Instant;

/**
 * Sent instead of a replay to a subscriber that resumes from a position whose following events were purged
 * (docs/decisions/0036-retention.md): what it missed no longer exists, so it must reload its state (the wallet, its
 * calls) and carry on from this event's id, which is the log's position when the stream reopened.
 */
public record StreamReset(String reason, long resumedFrom, long resetTo) {

    public static final String TYPE = "stream.reset";

    /** What it carries: why, the id the client resumed from, and the id it now stands at. */
    static final String EXPIRED = "expired";

    public static boolean is(StreamedEvent event) {
        return TYPE.equals(event.type());
    }

    /** The reset as an event on the stream, at the position the live feed starts after. */
    public static Event after(long resumedFrom, long horizon) {
        var payload = "{\"reason\":\"" + EXPIRED + "\",\"resumedFrom\":" + resumedFrom + ",\"resetTo\":" + horizon + "}";
        return new Event(horizon, "", TYPE, payload, Instant.now());
    }
}
