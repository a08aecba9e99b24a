package com.mobayilo.calls.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's scheme, written here independently of {@link TwilioSignatures}: Base64 of HMAC-SHA1, keyed with the
 * auth token, over the URL and each name+value sorted by name.
 */
final class TwilioSigner {

    private TwilioSigner() {
    }

    static String signature(String authToken, String url, Map<String, String> params) {
        var payload = url + params.keySet().stream().sorted().map(name -> name + params.get(name)).collect(Collectors.joining());
        try {
            var hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), hmac.getAlgorithm()));
            return Base64.getEncoder().encodeToString(hmac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }
}
