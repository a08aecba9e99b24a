package com.mobayilo.calls.twilio;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs Twilio may have signed a webhook for: the configured public URL, the one a proxy names in
 * {@code X-Forwarded-Proto}/{@code X-Forwarded-Host}, and the address it reached us on. The forwarded headers are
 * whatever the client sent, so the URLs made from them may be nonsense; they are only ever compared.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    public static List<String> candidates(String publicUrl, URI received, String forwardedProto, String forwardedHost) {
        var pathAndQuery = received.getRawPath() + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
        var urls = new ArrayList<String>();
        urls.add(publicUrl + pathAndQuery);
        if (forwardedProto != null && forwardedHost != null) {
            urls.add(first(forwardedProto) + "://" + first(forwardedHost) + pathAndQuery);
        }
        urls.add(received.getScheme() + "://" + received.getRawAuthority() + pathAndQuery);
        return urls;
    }

    /** The first of a proxy chain's comma-separated values (the client side); a header of only commas has none. */
    private static String first(String header) {
        var comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }
}
