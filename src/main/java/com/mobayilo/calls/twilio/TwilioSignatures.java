package com.mobayilo.calls.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.twilio.security.RequestValidator;

/**
 * Twilio's request signature: HMAC-SHA1 with the auth token over the full URL followed by every POST parameter,
 * sorted by name, as name and value. A request is genuine when the signature matches the public URL it was sent to
 * ({@link WebhookUrls}), with or without the default port, because Twilio signs the URL exactly as it was configured.
 */
public final class TwilioSignatures {

    private final String authToken;

    private final RequestValidator validator;

    public TwilioSignatures(String authToken) {
        this.authToken = authToken;
        this.validator = new RequestValidator(authToken);
    }

    public boolean isValid(List<String> candidateUrls, Map<String, String> parameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        for (var url : withAndWithoutDefaultPorts(candidateUrls)) {
            if (validator.validate(url, parameters, signature)) {
                return true;
            }
        }
        return false;
    }

    /** Signs as Twilio does; the sandbox carrier uses it, so sandbox webhooks pass the same check as Twilio's. */
    public String sign(String url, Map<String, String> parameters) {
        var data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Set<String> withAndWithoutDefaultPorts(List<String> urls) {
        var all = new LinkedHashSet<String>();
        for (var url : urls) {
            all.add(url);
            var uri = parsed(url);
            if (uri == null) {
                continue;
            }
            var port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            if (uri.getPort() == -1 && port > 0) {
                all.add(rebuild(uri, port));
            }
            else if (uri.getPort() == port) {
                all.add(rebuild(uri, -1));
            }
        }
        return all;
    }

    /** A URL that does not parse is still compared as it is, without port variants. */
    private static URI parsed(String url) {
        try {
            var uri = new URI(url);
            return uri.getHost() == null ? null : uri;
        }
        catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    private static String rebuild(URI uri, int port) {
        var parts = new ArrayList<String>();
        parts.add(uri.getScheme() + "://" + uri.getHost() + (port > 0 ? ":" + port : ""));
        parts.add(uri.getRawPath() == null ? "" : uri.getRawPath());
        parts.add(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return String.join("", parts);
    }
}
