package com.mobayilo.calls.twilio;

import com.mobayilo.shared.DomainException;

/** A webhook body that is not a form Twilio could have sent, so there is nothing whose signature could be checked. */
public final class MalformedWebhook extends DomainException {

    public MalformedWebhook() {
        super(Kind.INVALID_INPUT, "problem.webhook.malformed");
    }
}
