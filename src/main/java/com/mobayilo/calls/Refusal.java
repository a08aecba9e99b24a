package com.mobayilo.calls;

import com.mobayilo.rating.DestinationBlocked;
import com.mobayilo.rating.InvalidNumber;
import com.mobayilo.rating.NoRate;
import com.mobayilo.shared.DomainException;
import com.mobayilo.wallet.InsufficientCredit;

/**
 * Why a call was not connected. Each has a translation {@code call.refused.<CODE>}, shown by the dialer and
 * spoken to the caller; the code travels in the {@code call.updated} event and the API.
 */
public enum Refusal {

    UNKNOWN_CALLER, INVALID_NUMBER, NO_RATE, EMAIL_NOT_VERIFIED, PREMIUM_RATE, SHARED_COST, INTERNATIONAL_NETWORK,
    HIGH_RISK_DESTINATION, TOO_MANY_CALLS, DAILY_CAP_REACHED, INSUFFICIENT_CREDIT,
    /** A company seat's own limits, set by its admins. */
    SEAT_DISABLED, COUNTRY_NOT_ALLOWED, SEAT_TOO_MANY_CALLS, SEAT_DAILY_CAP_REACHED, SEAT_MONTHLY_CAP_REACHED;

    public String messageKey() {
        return "call.refused." + name();
    }

    /** The refusal a domain exception stands for, if it is one that refuses a call. */
    public static java.util.Optional<Refusal> of(Throwable error) {
        return switch (error) {
            case DestinationBlocked blocked -> java.util.Optional.of(valueOf(blocked.reason().name()));
            case InvalidNumber ignored -> java.util.Optional.of(INVALID_NUMBER);
            case NoRate ignored -> java.util.Optional.of(NO_RATE);
            case InsufficientCredit ignored -> java.util.Optional.of(INSUFFICIENT_CREDIT);
            case CallRefused refused -> java.util.Optional.of(refused.refusal());
            default -> java.util.Optional.empty();
        };
    }

    /** A refusal as an exception, for the places that decide inside a pipeline. */
    public static final class CallRefused extends DomainException {

        private final Refusal refusal;

        public CallRefused(Refusal refusal) {
            super(Kind.FORBIDDEN, refusal.messageKey());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
