package com.mobayilo.payments.sandbox;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.payments.TopUpId;
import com.mobayilo.wallet.WalletId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe events in Stripe's own JSON shape, for the sandbox checkout to announce its payments (and for tests to
 * write Stripe's events): the event envelope, and the Checkout Session of {@code checkout.session.completed}.
 */
public final class StripeEventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEventJson() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An event of {@code type} about {@code object} (a Stripe object as JSON), created at {@code created}. */
    public static String event(String eventId, String type, String object, Instant created) {
        var event = JSON.createObjectNode()
                .put("id", eventId).put("object", "event").put("api_version", "2025-09-30.clover")
                .put("created", created.getEpochSecond()).put("livemode", false).put("pending_webhooks", 1);
        event.putObject("request").putNull("id").putNull("idempotency_key");
        event.put("type", type);
        event.putObject("data").set("object", JSON.readTree(object));
        return JSON.writeValueAsString(event);
    }

    /** {@code checkout.session.completed}: the session of {@code checkout}, finished and (when "paid") paid. */
    public static String checkoutCompleted(String eventId, CompletedCheckout checkout, Instant created) {
        return event(eventId, "checkout.session.completed", JSON.writeValueAsString(session(checkout)), created);
    }

    private static ObjectNode session(CompletedCheckout checkout) {
        var wallet = checkout.wallet().value().toString();
        var session = JSON.createObjectNode()
                .put("id", checkout.sessionId()).put("object", "checkout.session")
                .put("amount_subtotal", checkout.amountCents()).put("amount_total", checkout.amountCents())
                .put("client_reference_id", wallet).put("currency", "usd").put("customer_email", checkout.email()).put("livemode", false);
        session.putObject("metadata").put("top_up", checkout.topUp().toString()).put("wallet", wallet);
        return session.put("mode", "payment").put("payment_intent", checkout.paymentIntent()).put("payment_status", checkout.paymentStatus())
                .put("status", "complete");
    }

    /** {@code payment_intent.succeeded}, or {@code payment_intent.payment_failed} when {@code failureCode} is given. */
    public static String paymentIntent(String eventId, PaymentIntent intent, Instant created) {
        var wallet = intent.wallet().value().toString();
        var object = JSON.createObjectNode()
                .put("id", intent.id()).put("object", "payment_intent").put("amount", intent.amountCents())
                .put("amount_received", intent.failureCode() == null ? intent.amountCents() : 0).put("currency", "usd")
                .put("customer", intent.customer()).put("livemode", false).put("payment_method", intent.paymentMethod())
                .put("status", intent.failureCode() == null ? "succeeded" : "requires_payment_method");
        object.putObject("metadata").put("top_up", intent.topUp().toString()).put("wallet", wallet);
        if (intent.failureCode() == null) {
            object.putNull("last_payment_error");
        }
        else {
            object.putObject("last_payment_error").put("code", intent.failureCode()).put("type", "card_error");
        }
        var type = intent.failureCode() == null ? "payment_intent.succeeded" : "payment_intent.payment_failed";
        return event(eventId, type, JSON.writeValueAsString(object), created);
    }

    /** A payment intent as its events describe it; {@code failureCode} is null when it succeeded. */
    public record PaymentIntent(String id, TopUpId topUp, WalletId wallet, long amountCents, String customer, String paymentMethod,
            String failureCode) {
    }

    /** What a finished Checkout Session says; {@code paymentStatus} is Stripe's: "paid", "unpaid"… */
    public record CompletedCheckout(String sessionId, TopUpId topUp, WalletId wallet, String email, String paymentIntent, long amountCents,
            String paymentStatus) {
    }
}
