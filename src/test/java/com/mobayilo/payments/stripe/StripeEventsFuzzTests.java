package com.mobayilo.payments.stripe;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mobayilo.payments.PaymentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever reaches {@code POST /webhooks/stripe}: the signature check only ever says yes or no (and yes only for
 * Stripe's own signature of exactly that body), and the body is read as an event or refused as
 * {@link MalformedEvent}; nothing else escapes. The first line of the input is the header, the rest the body.
 */
class StripeEventsFuzzTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static final String SECRET = "whsec_fuzz";

    private static final StripeSignatures SIGNATURES = new StripeSignatures(List.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest(maxDuration = "15s")
    void anyDeliveryIsAnEventOrMalformedAndOnlyStripesSignatureVerifies(FuzzedDataProvider data) {
        var input = data.consumeRemainingAsString();
        var newline = input.indexOf('\n');
        var header = newline < 0 ? null : input.substring(0, newline);
        var payload = newline < 0 ? input : input.substring(newline + 1);

        assertThat(SIGNATURES.isValid(payload, header)).as("a header nobody signed").isFalse();
        assertThat(SIGNATURES.isValid(payload, StripeSigner.header(SECRET, NOW.getEpochSecond(), payload))).as("Stripe's signature").isTrue();

        PaymentEvent event;
        try {
            event = StripeEvents.parse(payload);
        }
        catch (MalformedEvent refused) {
            assertThat(refused.messageKey()).isEqualTo("topup.event.malformed");
            return;
        }
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.type()).isNotBlank();
        switch (event) {
            case PaymentEvent.CheckoutCompleted completed -> assertThat(completed.amount().isNegative()).isFalse();
            case PaymentEvent.AsyncPaymentSettled settled -> assertThat(settled.amount().isNegative()).isFalse();
            case PaymentEvent.ChargeRefunded refunded -> assertThat(refunded.refundedSoFar().isNegative()).isFalse();
            case PaymentEvent.DisputeChanged dispute -> assertThat(dispute.amount().isNegative()).isFalse();
            case PaymentEvent.PaymentIntentSettled intent -> assertThat(intent.amount().isNegative()).isFalse();
            case PaymentEvent.Ignored ignored -> assertThat(ignored.eventId()).isNotBlank();
        }
        if (!(event instanceof PaymentEvent.Ignored)) {
            assertThat(StripeEvents.HANDLED_TYPES).contains(event.type());
        }
    }
}
