package com.mobayilo.rating;

import com.mobayilo.shared.DomainException;

/** Why a number cannot be called or rated. */
public abstract sealed class RatingRefusal extends DomainException permits InvalidNumber, NoRate, DestinationBlocked, InvalidDeck, InvalidPrefix, ReasonMissing {

    protected RatingRefusal(Kind kind, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
    }
}
