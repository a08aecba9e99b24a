package com.mobayilo.rating;

/** Blocking a destination needs a reason, which the audit keeps. */
public final class ReasonMissing extends RatingRefusal {

    public ReasonMissing() {
        super(Kind.INVALID_INPUT, "rating.blocked.reason.required");
    }
}
