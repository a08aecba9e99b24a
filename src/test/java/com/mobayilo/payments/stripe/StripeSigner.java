package com.mobayilo.payments.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Stripe documents it, written here independently of the code under test: the hex
 * HMAC-SHA256 of {@code "<t>.<payload>"} under the endpoint's secret, sent as {@code t=<t>,v1=<hex>}.
 */
public final class StripeSigner {

    private StripeSigner() {
    }

    public static String header(String secret, long timestamp, String payload) {
        return "t=" + timestamp + ",v1=" + v1(secret, timestamp, payload);
    }

    public static String v1(String secret, long timestamp, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
