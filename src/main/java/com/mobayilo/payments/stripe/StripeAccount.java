package com.mobayilo.payments.stripe;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;

import com.mobayilo.sandbox.Placeholders;
import com.mobayilo.sandbox.SandboxMode;
import com.stripe.StripeClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Stripe account Mobayilo is paid through. Live when {@code STRIPE_SECRET_KEY} is set; otherwise the sandbox
 * checkout stands in, signing its events with {@code STRIPE_WEBHOOK_SECRET} when given, else with a secret made
 * up at start. Several webhook secrets may be given, comma-separated, while one is being rotated.
 */
@Component
public class StripeAccount {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean live;

    private final String secretKey;

    private final List<String> webhookSecrets;

    private final String apiBase;

    StripeAccount(SandboxMode sandbox, @Value("${STRIPE_SECRET_KEY:}") String secretKey, @Value("${STRIPE_WEBHOOK_SECRET:}") String webhookSecret,
            @Value("${mobayilo.stripe.api-base-url:}") String apiBase) {
        this.live = !sandbox.simulatesPayments();
        if (live && webhookSecret.isBlank()) {
            throw new IllegalStateException("STRIPE_SECRET_KEY is set, so STRIPE_WEBHOOK_SECRET is needed too");
        }
        if (live) {
            var settings = new LinkedHashMap<String, String>();
            settings.put("STRIPE_SECRET_KEY", secretKey);
            Arrays.stream(webhookSecret.split(",")).filter(secret -> !secret.isBlank())
                    .forEach(secret -> settings.merge("STRIPE_WEBHOOK_SECRET", secret, (one, other) -> Placeholders.isPlaceholder(one) ? one : other));
            Placeholders.refuseIn("Stripe", "STRIPE_SECRET_KEY", settings);
        }
        this.secretKey = secretKey;
        this.webhookSecrets = webhookSecret.isBlank() ? List.of("whsec_" + random())
                : Arrays.stream(webhookSecret.split(",")).map(String::strip).filter(secret -> !secret.isEmpty()).toList();
        this.apiBase = apiBase.replaceAll("/+$", "");
    }

    public boolean isLive() {
        return live;
    }

    /** Whether Stripe's REST API is to be called: live, or a stand-in named by {@code mobayilo.stripe.api-base-url}. */
    public boolean usesApi() {
        return live || !apiBase.isEmpty();
    }

    /** The secrets a webhook may be signed with; the first one signs the sandbox's own events. */
    public List<String> webhookSecrets() {
        return webhookSecrets;
    }

    public StripeClient client() {
        var builder = StripeClient.builder().setApiKey(live ? secretKey : "sk_test_sandbox").setMaxNetworkRetries(2);
        if (!apiBase.isEmpty()) {
            builder.setApiBase(apiBase);
        }
        return builder.build();
    }

    private static String random() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
