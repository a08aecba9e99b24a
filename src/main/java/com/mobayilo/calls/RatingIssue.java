package com.mobayilo.calls;

import java.util.Arrays;
import java.util.Optional;

/** What went wrong on a call, as the caller rates it; {@code name} is how it is stored and sent. */
public enum RatingIssue {
    CHOPPY_AUDIO("choppy-audio"), ECHO("echo"), DROPPED_CALL("dropped-call"), COULD_NOT_HEAR("could-not-hear"), DELAY("delay"), OTHER("other");

    private final String stored;

    RatingIssue(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public static Optional<RatingIssue> fromStored(String value) {
        return Arrays.stream(values()).filter(issue -> issue.stored.equals(value)).findFirst();
    }
}
