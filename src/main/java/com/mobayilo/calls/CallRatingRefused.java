package com.mobayilo.calls;

import com.mobayilo.shared.DomainException;

/**
 * A rating that cannot be taken: the score is not 1 to 5, the call is not the rater's own or never connected, or
 * it was rated already.
 */
public final class CallRatingRefused extends DomainException {

    CallRatingRefused(Kind kind, String messageKey) {
        super(kind, messageKey);
    }

    static CallRatingRefused badScore() {
        return new CallRatingRefused(Kind.INVALID_INPUT, "callrating.refused.score");
    }

    static CallRatingRefused notRateable() {
        return new CallRatingRefused(Kind.NOT_FOUND, "callrating.refused.call");
    }

    static CallRatingRefused alreadyRated() {
        return new CallRatingRefused(Kind.CONFLICT, "callrating.refused.twice");
    }
}
