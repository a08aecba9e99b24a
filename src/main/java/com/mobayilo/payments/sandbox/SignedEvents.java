package com.mobayilo.payments.sandbox;

import java.time.Duration;

import com.mobayilo.payments.stripe.StripeSignatures;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the sandbox's Stripe reaches Mobayilo: each event is signed as Stripe signs it and posted to this core's
 * {@code /webhooks/stripe}, so it passes the same signature check and the same handler as Stripe's.
 */
final class SignedEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final StripeSignatures signatures;

    private final WebClient core;

    SignedEvents(StripeSignatures signatures, String coreUrl) {
        this.signatures = signatures;
        this.core = WebClient.builder().baseUrl(coreUrl.replaceAll("/+$", "")).build();
    }

    /** Delivers {@code payload}; fails unless the webhook accepted it. */
    Mono<Void> deliver(String payload) {
        return core.post().uri("/webhooks/stripe")
                .header("Stripe-Signature", signatures.sign(payload))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(payload)
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then();
    }
}
