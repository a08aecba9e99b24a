package com.mobayilo.payments;

import java.time.Duration;

import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.RetryLater;

/**
 * An event about a payment whose completion has not reached us yet (providers do not promise order). It is
 * answered with a retryable error, so the provider delivers it again once the payment is known.
 */
public final class PaymentNotYetKnown extends DomainException implements RetryLater {

    PaymentNotYetKnown(String reference) {
        super(Kind.CONFLICT, "topup.event.early", reference);
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofMinutes(1);
    }
}
