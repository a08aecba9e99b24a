package com.mobayilo.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The one-way hash under which link tokens and API keys are stored. */
final class Sha256 {

    private Sha256() {
    }

    static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("The JVM lacks SHA-256", ex);
        }
    }
}
