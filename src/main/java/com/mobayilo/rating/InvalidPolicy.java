package com.mobayilo.rating;

import com.mobayilo.shared.DomainException;

/** Limits that make no sense: a negative cap, or fewer than one call at a time. */
public final class InvalidPolicy extends DomainException {

    public InvalidPolicy() {
        super(Kind.INVALID_INPUT, "rating.policy.invalid");
    }
}
