package com.mobayilo.payments.stripe;

import java.util.List;
import java.util.Optional;

import com.mobayilo.payments.PaymentEvent;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.shared.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Stripe event into a {@link PaymentEvent}. Stripe's integer minor units become {@link Money} here and
 * nowhere else; for USD a minor unit is a cent, which is a credit.
 */
public final class StripeEvents {

    /** The types Mobayilo acts on: the webhook endpoint subscribes to these, and reconciliation lists them. */
    public static final List<String> HANDLED_TYPES = List.of("checkout.session.completed", "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed", "charge.refunded", "charge.dispute.created", "charge.dispute.closed", "payment_intent.succeeded",
            "payment_intent.payment_failed");

    static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeEvents() {
    }

    public static PaymentEvent parse(String payload) {
        try {
            return parse(JSON.readTree(payload));
        }
        catch (JacksonException notJson) {
            throw new MalformedEvent("json");
        }
    }

    /** An event already read as JSON, such as one of a page of events listed through the API. */
    static PaymentEvent parse(JsonNode event) {
        var id = text(event, "id").orElseThrow(() -> new MalformedEvent("id"));
        var type = text(event, "type").orElseThrow(() -> new MalformedEvent("type"));
        var object = event.path("data").path("object");
        return switch (type) {
            case "checkout.session.completed" -> new PaymentEvent.CheckoutCompleted(id, type, required(object, "id"), topUp(object),
                    text(object, "payment_intent").orElse(null), money(object, "amount_total"), required(object, "currency"),
                    "paid".equals(text(object, "payment_status").orElse("")));
            case "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed" -> new PaymentEvent.AsyncPaymentSettled(id, type,
                    required(object, "id"), topUp(object), text(object, "payment_intent").orElse(null), money(object, "amount_total"),
                    required(object, "currency"), type.endsWith("succeeded"));
            // a charge or dispute with no payment intent never came from a Checkout Session: not one of ours
            case "charge.refunded" -> text(object, "payment_intent").<PaymentEvent>map(intent -> new PaymentEvent.ChargeRefunded(id, type, intent,
                    topUp(object), money(object, "amount_refunded"))).orElseGet(() -> new PaymentEvent.Ignored(id, type));
            case "charge.dispute.created", "charge.dispute.closed" -> text(object, "payment_intent").isPresent() ? dispute(id, type, object)
                    : new PaymentEvent.Ignored(id, type);
            case "payment_intent.succeeded", "payment_intent.payment_failed" -> topUp(object).isPresent() ? paymentIntent(id, type, object)
                    : new PaymentEvent.Ignored(id, type);
            default -> new PaymentEvent.Ignored(id, type);
        };
    }

    private static PaymentEvent dispute(String id, String type, JsonNode dispute) {
        var status = required(dispute, "status");
        var inquiry = status.startsWith("warning_");
        var won = type.endsWith("closed") ? Optional.of(inquiry || "won".equals(status)) : Optional.<Boolean>empty();
        return new PaymentEvent.DisputeChanged(id, type, required(dispute, "id"), required(dispute, "payment_intent"), money(dispute, "amount"), won,
                !inquiry);
    }

    private static PaymentEvent paymentIntent(String id, String type, JsonNode intent) {
        var error = intent.path("last_payment_error");
        var code = text(error, "decline_code").or(() -> text(error, "code")).orElse("card_declined");
        return new PaymentEvent.PaymentIntentSettled(id, type, required(intent, "id"), topUp(intent), money(intent, "amount"), required(intent, "currency"),
                text(intent, "customer").orElse(null), text(intent, "payment_method").orElse(null), type.endsWith("succeeded"), code);
    }

    /** The top-up named in the object's metadata, which Mobayilo sets on every session and payment. */
    private static Optional<TopUpId> topUp(JsonNode object) {
        var fromMetadata = text(object.path("metadata"), "top_up");
        try {
            return fromMetadata.map(TopUpId::parse);
        }
        catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Money money(JsonNode object, String field) {
        var amount = object.get(field);
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() < 0) {
            throw new MalformedEvent(field);
        }
        return Money.cents(amount.asLong());
    }

    private static String required(JsonNode object, String field) {
        return text(object, field).orElseThrow(() -> new MalformedEvent(field));
    }

    private static Optional<String> text(JsonNode object, String field) {
        var value = object.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
    }
}
