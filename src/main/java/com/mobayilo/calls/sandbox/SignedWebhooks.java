package com.mobayilo.calls.sandbox;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import com.mobayilo.calls.twilio.TwilioAccount;
import com.mobayilo.calls.twilio.TwilioSignatures;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the sandbox's Twilio calls Mobayilo back: each webhook is signed with the auth token for its public URL,
 * exactly as Twilio signs it, and delivered to this core, so it passes the same signature check.
 */
@Component
class SignedWebhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwilioSignatures signatures;

    private final WebClient core;

    private final String publicUrl;

    SignedWebhooks(TwilioAccount account, @Value("${mobayilo.core-url}") String coreUrl, @Value("${mobayilo.public-url}") String publicUrl) {
        this.signatures = new TwilioSignatures(account.authToken());
        this.core = WebClient.builder().baseUrl(coreUrl.replaceAll("/+$", "")).build();
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The public URL of {@code path}, as Twilio would be told it. */
    String publicAddress(String path) {
        return publicUrl + path;
    }

    /** Posts {@code parameters} to {@code publicAddress}, signed for it; the answer is the webhook's body. */
    Mono<String> post(String publicAddress, Map<String, String> parameters) {
        var path = publicAddress.startsWith(publicUrl) ? publicAddress.substring(publicUrl.length()) : URI.create(publicAddress).getRawPath();
        var form = new LinkedMultiValueMap<String, String>();
        parameters.forEach(form::add);
        return core.post().uri(path)
                .header("X-Twilio-Signature", signatures.sign(publicAddress, parameters))
                .header("I-Twilio-Idempotency-Token", newSid("CA"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("");
    }

    /** A new Twilio-style SID: the two-letter prefix of its kind and 32 hex digits. */
    static String newSid(String prefix) {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
