package com.mobayilo.rating;

import java.time.Instant;

/** A destination prefix the operator blocked, and why. */
public record BlockedPrefix(String prefix, String reason, Instant since) {
}
