package com.mobayilo.calls;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a call is. Status only moves forward (initiated → ringing → in progress → one terminal status), so
 * callbacks that arrive late, twice or out of order change nothing they should not.
 */
public enum CallStatus {

    INITIATED(0), RINGING(1), IN_PROGRESS(2), COMPLETED(3), BUSY(3), NO_ANSWER(3), FAILED(3), CANCELED(3), REFUSED(3);

    private final int rank;

    CallStatus(int rank) {
        this.rank = rank;
    }

    public boolean isTerminal() {
        return rank == 3;
    }

    /** True when a call in this status may move to {@code next}: forward only, and never out of a terminal status. */
    public boolean canMoveTo(CallStatus next) {
        return !isTerminal() && next.rank > rank;
    }

    /** Twilio's name for a status ({@code in-progress}, {@code no-answer}…); {@code answered} is in progress. */
    public static Optional<CallStatus> fromTwilio(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "queued", "initiated" -> Optional.of(INITIATED);
            case "ringing" -> Optional.of(RINGING);
            case "in-progress", "answered" -> Optional.of(IN_PROGRESS);
            case "completed" -> Optional.of(COMPLETED);
            case "busy" -> Optional.of(BUSY);
            case "no-answer" -> Optional.of(NO_ANSWER);
            case "failed" -> Optional.of(FAILED);
            case "canceled" -> Optional.of(CANCELED);
            default -> Optional.empty();
        };
    }

    public String twilioName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
