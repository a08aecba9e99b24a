package com.mobayilo.events;

import java.time.Instant;

/**
 * One committed change on one stream (for example {@code wallet:<id>}), with its position in the log. The
 * payload is JSON, as sent to subscribers.
 */
public record Event(long id, String stream, String type, String payload, Instant createdAt) {
}
