package com.mobayilo.payments.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mobayilo.payments.Checkouts;
import com.mobayilo.payments.TopUp;
import reactor.core.publisher.Mono;

/**
 * The sandbox's stand-in for Stripe Checkout: a session is a page of the app ({@code /sandbox/checkout/<id>})
 * where the test cards are accepted, and a payment there is announced by the same signed webhook Stripe sends.
 */
public class SandboxCheckouts implements Checkouts {

    public static final String PAGE = "sandbox/checkout";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String uiUrl;

    private final Map<String, Card> cardsByPaymentIntent = new ConcurrentHashMap<>();

    public SandboxCheckouts(String uiUrl) {
        this.uiUrl = uiUrl.replaceAll("/+$", "");
    }

    @Override
    public Mono<Session> open(TopUp topUp, Links links, String email) {
        var id = "cs_test_" + random();
        return Mono.just(new Session(id, URI.create(uiUrl + "/" + PAGE + "/" + id)));
    }

    @Override
    public Mono<Optional<Card>> cardOf(TopUp topUp) {
        return Mono.just(Optional.ofNullable(topUp.paymentIntentId()).map(cardsByPaymentIntent::get));
    }

    /** Remembers the card a sandbox payment was made with, as Stripe would. */
    void paid(String paymentIntentId, Card card) {
        cardsByPaymentIntent.put(paymentIntentId, card);
    }

    static String random() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
