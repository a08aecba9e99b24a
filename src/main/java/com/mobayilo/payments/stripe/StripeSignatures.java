package com.mobayilo.payments.stripe;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

/**
 * {@code Stripe-Signature}: an HMAC-SHA256 of {@code timestamp.payload} under the endpoint's secret, within 300 s of
 * now either way. Any of the configured secrets may match (rotation), and any of the header's {@code v1} values
 * (Stripe signs with every active secret while one is rolled).
 */
public final class StripeSignatures {

    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final List<String> secrets;

    private final Clock clock;

    public StripeSignatures(List<String> secrets, Clock clock) {
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
    }

    public boolean isValid(String payload, String header) {
        if (payload == null || header == null || header.isBlank()) {
            return false;
        }
        return secrets.stream().anyMatch(secret -> verifies(payload, header, secret));
    }

    private boolean verifies(String payload, String header, String secret) {
        try {
            return Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE.toSeconds(), clock) && !isAhead(header);
        }
        catch (SignatureVerificationException | RuntimeException invalid) {
            return false;
        }
    }

    /**
     * Stripe's library refuses only timestamps older than the tolerance; a header dated ahead of our clock would
     * stay replayable for as long as it is ahead, so it gets the same 300 s.
     */
    private boolean isAhead(String header) {
        var timestamp = Arrays.stream(header.split(",", -1)).map(item -> item.split("=", 2))
                .filter(pair -> pair.length == 2 && "t".equals(pair[0]))
                .map(pair -> Long.parseLong(pair[1]))
                .findFirst().orElseThrow();
        return timestamp > clock.instant().plus(TOLERANCE).getEpochSecond();
    }

    /** The header Stripe would send for {@code payload} now, signed with the first secret (the sandbox's events). */
    public String sign(String payload) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secrets.getFirst(), clock.instant().getEpochSecond());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
