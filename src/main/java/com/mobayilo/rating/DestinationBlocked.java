package com.mobayilo.rating;

/** The guard refused a call before anything was charged; {@link #reason()} says why, for the UI and the API. */
public final class DestinationBlocked extends RatingRefusal {

    /** Why a call may not start. The name is the API's reason code. */
    public enum Reason {
        EMAIL_NOT_VERIFIED, PREMIUM_RATE, SHARED_COST, INTERNATIONAL_NETWORK, HIGH_RISK_DESTINATION, TOO_MANY_CALLS, DAILY_CAP_REACHED
    }

    private final Reason reason;

    public DestinationBlocked(Reason reason, Object... arguments) {
        super(Kind.FORBIDDEN, "rating.blocked." + reason.name(), arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
