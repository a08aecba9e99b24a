package com.mobayilo.payments.stripe;

import com.mobayilo.shared.DomainException;

/** A signed body that is not a Stripe event Mobayilo can read. */
public final class MalformedEvent extends DomainException {

    MalformedEvent(String what) {
        super(Kind.INVALID_INPUT, "topup.event.malformed", what);
    }
}
