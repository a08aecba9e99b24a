package com.mobayilo.calls.twilio;

import java.net.URI;
import java.util.List;

/**
 * The URL Twilio signed a webhook for: the configured public URL ({@code MOBAYILO_PUBLIC_URL}) with the path and query
 * the request arrived with. Never one made from the request's {@code Host} or forwarded headers: a client chooses
 * those, and a signature it made for its own host would then pass (issue 16, point 8;
 * docs/decisions/0023-trusted-proxies-and-safe-starts.md). {@link TwilioSignatures} adds the default port variants.
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    public static List<String> candidates(String publicUrl, URI received) {
        var pathAndQuery = received.getRawPath() + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
        return List.of(publicUrl + pathAndQuery);
    }
}
