package com.mobayilo.payments;

import java.util.Optional;

import com.mobayilo.shared.Money;

/**
 * What the payment provider told us, in Mobayilo's terms (amounts already in {@link Money}). Each carries the
 * provider's event id, which makes it apply once however often it is delivered.
 */
public sealed interface PaymentEvent {

    String eventId();

    String type();

    /** Checkout finished; {@code paid} is false for payment methods that settle later. */
    record CheckoutCompleted(String eventId, String type, String sessionId, Optional<TopUpId> topUp, String paymentIntentId, Money amount,
            String currency, boolean paid) implements PaymentEvent {
    }

    /** A delayed payment method settled ({@code succeeded}) or did not. */
    record AsyncPaymentSettled(String eventId, String type, String sessionId, Optional<TopUpId> topUp, String paymentIntentId, Money amount,
            String currency, boolean succeeded) implements PaymentEvent {
    }

    /** A charge was refunded, in part or in full; {@code refundedSoFar} is cumulative. */
    record ChargeRefunded(String eventId, String type, String paymentIntentId, Optional<TopUpId> topUp, Money refundedSoFar) implements PaymentEvent {
    }

    /** A dispute opened ({@code outcome} empty) or closed as won or lost. */
    record DisputeChanged(String eventId, String type, String disputeId, String paymentIntentId, Money amount, Optional<Boolean> won,
            boolean movesFunds) implements PaymentEvent {
    }

    /**
     * A payment intent succeeded or failed: how auto-recharge charges end, and how a checkout that saves the card
     * names the customer and payment method to charge later.
     */
    record PaymentIntentSettled(String eventId, String type, String paymentIntentId, Optional<TopUpId> topUp, Money amount, String currency,
            String customerId, String paymentMethodId, boolean succeeded, String failureCode) implements PaymentEvent {
    }

    /** A type Mobayilo does not act on: acknowledged and ignored. */
    record Ignored(String eventId, String type) implements PaymentEvent {
    }
}
