package com.mobayilo.calls.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} body of a Twilio webhook, as the parameters its signature covers.
 * Read here rather than through WebFlux's form reader, which lets a bad percent escape escape as an
 * {@code IllegalArgumentException} (a 500): a body that cannot be decoded is {@link MalformedWebhook}, nothing
 * else. A repeated name keeps its first value, as {@code MultiValueMap.toSingleValueMap()} did before.
 */
public final class TwilioForm {

    private TwilioForm() {
    }

    public static Map<String, String> parse(String body) {
        var form = new LinkedHashMap<String, String>();
        for (var pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = decode(equals < 0 ? pair : pair.substring(0, equals));
            form.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return Collections.unmodifiableMap(form);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException badEscape) {
            throw new MalformedWebhook();
        }
    }
}
