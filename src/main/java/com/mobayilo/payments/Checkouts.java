package com.mobayilo.payments;

import java.net.URI;
import java.util.Optional;

import reactor.core.publisher.Mono;

/** The hosted checkout a person pays on: Stripe Checkout, or the sandbox's simulated one. */
public interface Checkouts {

    /** Opens the page to pay {@code topUp}; the same top-up always opens the same session (idempotency key). */
    Mono<Session> open(TopUp topUp, Links links, String email);

    /** The card a paid top-up was paid with, for its receipt, when the provider says. */
    Mono<Optional<Card>> cardOf(TopUp topUp);

    /**
     * Charges the saved card for an auto-recharge top-up without the person present, with the top-up's
     * idempotency key; the payment intent's id, or {@link CardRefused} when the bank says no.
     */
    Mono<String> chargeSaved(TopUp topUp, SavedCard card);

    record Session(String id, URI url) {
    }

    /** Where the provider sends the person back: after paying, or after giving up. */
    record Links(URI success, URI cancel) {
    }

    record Card(String brand, String last4) {
    }
}
