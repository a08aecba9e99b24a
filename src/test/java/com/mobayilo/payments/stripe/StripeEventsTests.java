package com.mobayilo.payments.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.payments.PaymentEvent;
import com.mobayilo.payments.PaymentEvent.AsyncPaymentSettled;
import com.mobayilo.payments.PaymentEvent.ChargeRefunded;
import com.mobayilo.payments.PaymentEvent.CheckoutCompleted;
import com.mobayilo.payments.PaymentEvent.DisputeChanged;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeEventsTests {

    private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00Z");

    private static final String EVENT = "evt_1QxYz2AbCdEfGhIjKlMnOpQr";

    private static final TopUpId TOP_UP = new TopUpId(UUID.fromString("6f1c2b9e-3d4a-4f5b-8c7d-9e0f1a2b3c4d"));

    private static final String WALLET = "0b7e4c1a-9d2f-4e3b-a5c6-d7e8f9a0b1c2";

    private static final String SESSION = "cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ";

    private static final String INTENT = "pi_3QxYz2AbCdEfGh1a2b3c4d5e";

    private static final String CHARGE = "ch_3QxYz2AbCdEfGh1a2b3c4d5e";

    private static final String DISPUTE = "dp_1QxYz2AbCdEfGh9z8y7x6w5v";

    @Test
    void aPaidCompletedCheckoutNamesItsSessionTopUpPaymentAndAmount() {
        var event = parse("checkout.session.completed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 2_500, "usd", "paid"));
        assertThat(event).isEqualTo(new CheckoutCompleted(EVENT, "checkout.session.completed", SESSION, Optional.of(TOP_UP), INTENT,
                Money.cents(2_500), "usd", true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "unpaid", "no_payment_required" })
    void aCompletedCheckoutThatIsNotPaidYetIsNotPaid(String paymentStatus) {
        var event = parse("checkout.session.completed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 2_500, "usd", paymentStatus));
        assertThat(event).isInstanceOfSatisfying(CheckoutCompleted.class, completed -> assertThat(completed.paid()).isFalse());
    }

    @Test
    void aCompletedCheckoutWithNoPaymentIntentYetHasNone() {
        var event = parse("checkout.session.completed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, null, 500, "usd", "unpaid"));
        assertThat(event).isInstanceOfSatisfying(CheckoutCompleted.class, completed -> assertThat(completed.paymentIntentId()).isNull());
    }

    @Test
    void aSessionWhoseMetadataNamesNoTopUpOfOursIsFoundBySessionOnly() {
        var foreign = parse("checkout.session.completed", StripeJson.session(SESSION, "order-1234", WALLET, INTENT, 500, "usd", "paid"));
        var bare = parse("checkout.session.completed", StripeJson.session(SESSION, null, null, INTENT, 500, "usd", "paid"));
        assertThat(foreign).isInstanceOfSatisfying(CheckoutCompleted.class, completed -> assertThat(completed.topUp()).isEmpty());
        assertThat(bare).isInstanceOfSatisfying(CheckoutCompleted.class, completed -> assertThat(completed.topUp()).isEmpty());
    }

    @Test
    void aDelayedPaymentThatSettledSucceeded() {
        var event = parse("checkout.session.async_payment_succeeded", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 1_000, "usd",
                "paid"));
        assertThat(event).isEqualTo(new AsyncPaymentSettled(EVENT, "checkout.session.async_payment_succeeded", SESSION, Optional.of(TOP_UP), INTENT,
                Money.cents(1_000), "usd", true));
    }

    @Test
    void aDelayedPaymentThatFailedDidNotSucceed() {
        var event = parse("checkout.session.async_payment_failed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 1_000, "usd",
                "unpaid"));
        assertThat(event).isEqualTo(new AsyncPaymentSettled(EVENT, "checkout.session.async_payment_failed", SESSION, Optional.of(TOP_UP), INTENT,
                Money.cents(1_000), "usd", false));
    }

    @Test
    void aRefundedChargeCarriesTheCumulativeAmountRefunded() {
        var event = parse("charge.refunded", StripeJson.charge(CHARGE, INTENT, TOP_UP.toString(), 2_500, 700));
        assertThat(event).isEqualTo(new ChargeRefunded(EVENT, "charge.refunded", INTENT, Optional.of(TOP_UP), Money.cents(700)));
    }

    @Test
    void aRefundedChargeWithoutOurMetadataIsFoundByItsPaymentIntent() {
        var event = parse("charge.refunded", StripeJson.charge(CHARGE, INTENT, null, 2_500, 2_500));
        assertThat(event).isEqualTo(new ChargeRefunded(EVENT, "charge.refunded", INTENT, Optional.empty(), Money.cents(2_500)));
    }

    @Test
    void aRefundedChargeThatNoPaymentIntentMadeIsNotOursAndIgnored() {
        var event = parse("charge.refunded", StripeJson.charge(CHARGE, null, null, 2_500, 2_500));
        assertThat(event).isEqualTo(new PaymentEvent.Ignored(EVENT, "charge.refunded"));
    }

    @ParameterizedTest(name = "{0} with status {1}: won {2}, moves funds {3}")
    @CsvSource({
            "charge.dispute.created, needs_response,         ,      true",
            "charge.dispute.created, under_review,           ,      true",
            "charge.dispute.created, warning_needs_response, ,      false",
            "charge.dispute.closed,  won,                    true,  true",
            "charge.dispute.closed,  lost,                   false, true",
            "charge.dispute.closed,  warning_closed,         true,  false" })
    void aDisputeOpensOrClosesAsItsStatusSays(String type, String status, Boolean won, boolean movesFunds) {
        var event = parse(type, StripeJson.dispute(DISPUTE, CHARGE, INTENT, 2_500, "fraudulent", status));
        assertThat(event).isEqualTo(new DisputeChanged(EVENT, type, DISPUTE, INTENT, Money.cents(2_500), Optional.ofNullable(won), movesFunds));
    }

    @Test
    void aDisputeOfAChargeNoPaymentIntentMadeIsIgnored() {
        var event = parse("charge.dispute.created", StripeJson.dispute(DISPUTE, CHARGE, null, 2_500, "fraudulent", "needs_response"));
        assertThat(event).isEqualTo(new PaymentEvent.Ignored(EVENT, "charge.dispute.created"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "payment_intent.created", "charge.succeeded", "checkout.session.expired", "charge.dispute.funds_withdrawn",
            "customer.created", "v2.core.event_destination.ping" })
    void anyOtherTypeIsIgnored(String type) {
        var event = parse(type, StripeJson.charge(CHARGE, INTENT, TOP_UP.toString(), 2_500, 0));
        assertThat(event).isEqualTo(new PaymentEvent.Ignored(EVENT, type));
    }

    @Test
    void anUnknownTypeIsIgnoredWhateverItsObjectLooksLike() {
        assertThat(StripeEvents.parse("{\"id\":\"%s\",\"type\":\"balance.available\",\"data\":7}".formatted(EVENT)))
                .isEqualTo(new PaymentEvent.Ignored(EVENT, "balance.available"));
    }

    @Test
    void everyHandledTypeIsReadAsAnEventToApply() {
        var objects = Map.of(
                "checkout.session.completed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 500, "usd", "paid"),
                "checkout.session.async_payment_succeeded", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 500, "usd", "paid"),
                "checkout.session.async_payment_failed", StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 500, "usd", "unpaid"),
                "charge.refunded", StripeJson.charge(CHARGE, INTENT, TOP_UP.toString(), 500, 500),
                "charge.dispute.created", StripeJson.dispute(DISPUTE, CHARGE, INTENT, 500, "fraudulent", "needs_response"),
                "charge.dispute.closed", StripeJson.dispute(DISPUTE, CHARGE, INTENT, 500, "fraudulent", "lost"),
                "payment_intent.succeeded", StripeJson.paymentIntent(INTENT, TOP_UP.toString(), 500, CHARGE),
                "payment_intent.payment_failed", StripeJson.paymentIntent(INTENT, TOP_UP.toString(), 500, CHARGE));
        assertThat(StripeEvents.HANDLED_TYPES).containsExactlyInAnyOrderElementsOf(objects.keySet());
        objects.forEach((type, object) -> assertThat(parse(type, object)).as(type).isNotInstanceOf(PaymentEvent.Ignored.class)
                .extracting(PaymentEvent::type).isEqualTo(type));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "not json", "{", "[]", "null", "42", "\"evt_1\"", "{}", "{\"object\":\"event\"}",
            "{\"id\":\"evt_1\",\"object\":\"event\"}", "{\"type\":\"charge.refunded\"}", "{\"id\":42,\"type\":\"charge.refunded\"}",
            "{\"id\":\"\",\"type\":\"charge.refunded\"}", "{\"id\":\"evt_1\",\"type\":null}" })
    void aBodyThatIsNoStripeEventIsMalformed(String payload) {
        assertThatThrownBy(() -> StripeEvents.parse(payload)).isInstanceOf(MalformedEvent.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2500\"", "25.00", "2.5e3", "-1", "-2500", "null", "true", "{}", "100000000000000000000000000000" })
    void anAmountThatIsNotANonNegativeWholeNumberOfCentsIsMalformed(String amount) {
        var session = StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 2_500, "usd", "paid")
                .replace("\"amount_total\":2500", "\"amount_total\":" + amount);
        var refund = StripeJson.charge(CHARGE, INTENT, TOP_UP.toString(), 2_500, 700).replace("\"amount_refunded\":700", "\"amount_refunded\":" + amount);
        var dispute = StripeJson.dispute(DISPUTE, CHARGE, INTENT, 2_500, "fraudulent", "lost").replace("\"amount\":2500", "\"amount\":" + amount);
        assertThatThrownBy(() -> parse("checkout.session.completed", session)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse("charge.refunded", refund)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse("charge.dispute.closed", dispute)).isInstanceOf(MalformedEvent.class);
    }

    @ParameterizedTest
    @CsvSource({
            "checkout.session.completed,               \"id\":\"" + SESSION + "\"",
            "checkout.session.completed,               \"amount_total\":1000",
            "checkout.session.completed,               \"currency\":\"usd\"",
            "checkout.session.async_payment_succeeded, \"currency\":\"usd\"",
            "checkout.session.async_payment_failed,    \"id\":\"" + SESSION + "\"" })
    void aCheckoutEventMissingWhatItMustSayIsMalformed(String type, String field) {
        var session = StripeJson.session(SESSION, TOP_UP.toString(), WALLET, INTENT, 1_000, "usd", "paid");
        assertThat(session).contains(field);
        assertThatThrownBy(() -> parse(type, session.replace(field, "\"removed\":null"))).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void aRefundOrDisputeMissingWhatItMustSayIsMalformed() {
        var refund = StripeJson.charge(CHARGE, INTENT, TOP_UP.toString(), 2_500, 700).replace("\"amount_refunded\":700,", "");
        var noStatus = StripeJson.dispute(DISPUTE, CHARGE, INTENT, 2_500, "fraudulent", "lost").replace("\"status\":\"lost\"", "\"status\":null");
        var noId = StripeJson.dispute(DISPUTE, CHARGE, INTENT, 2_500, "fraudulent", "lost").replace("\"id\":\"" + DISPUTE + "\",", "");
        assertThatThrownBy(() -> parse("charge.refunded", refund)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse("charge.dispute.closed", noStatus)).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> parse("charge.dispute.created", noId)).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void aHandledEventWithoutItsObjectIsMalformed() {
        assertThatThrownBy(() -> StripeEvents.parse("{\"id\":\"%s\",\"type\":\"checkout.session.completed\"}".formatted(EVENT)))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> StripeEvents.parse("{\"id\":\"%s\",\"type\":\"checkout.session.async_payment_failed\",\"data\":{\"object\":[]}}"
                .formatted(EVENT)))
                .isInstanceOf(MalformedEvent.class);
    }

    private static PaymentEvent parse(String type, String object) {
        return StripeEvents.parse(StripeJson.event(EVENT, type, CREATED, object));
    }
}
