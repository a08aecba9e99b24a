package com.mobayilo.calls.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mobayilo.calls.Telephony;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever reaches a Twilio webhook: its body is read as a form or refused as {@link MalformedWebhook}, the URL it
 * may have been signed for is the public URL whatever forwarded headers say, and the signature check only ever says
 * yes or no, yes for Twilio's own signature of exactly that form and URL, never for one made for a forwarded host.
 * Nothing else escapes.
 */
class TwilioWebhookFuzzTests {

    private static final String AUTH_TOKEN = "fuzz-auth-token";

    private static final String PUBLIC_URL = "https://calls.mobayilo.example";

    private static final TwilioSignatures SIGNATURES = new TwilioSignatures(AUTH_TOKEN);

    @FuzzTest(maxDuration = "15s")
    void anyDeliveryIsAFormOrMalformedAndOnlyTwiliosSignatureVerifies(FuzzedDataProvider data) {
        var received = received(data.consumeString(60));
        var forwardedProto = data.consumeBoolean() ? null : data.consumeString(10);
        var forwardedHost = data.consumeString(40);
        var signature = data.consumeString(40);
        var body = data.consumeRemainingAsString();

        Map<String, String> form;
        try {
            form = TwilioForm.parse(body);
        }
        catch (MalformedWebhook refused) {
            assertThat(refused.messageKey()).isEqualTo("problem.webhook.malformed");
            return;
        }
        assertThat(TwilioForm.parse(Telephony.encoded(form))).as("the form as Twilio encodes it").isEqualTo(form);

        var urls = WebhookUrls.candidates(PUBLIC_URL, received);
        var pathAndQuery = received.getRawPath() + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
        var signedUrl = PUBLIC_URL + pathAndQuery;
        assertThat(urls).containsExactly(signedUrl);
        assertThat(SIGNATURES.isValid(urls, form, signature)).as("a signature nobody made").isFalse();
        var forwardedUrl = (forwardedProto == null ? "https" : forwardedProto) + "://" + forwardedHost + pathAndQuery;
        if (!TwilioSignatures.withAndWithoutDefaultPorts(urls).contains(forwardedUrl)) {
            assertThat(SIGNATURES.isValid(urls, form, TwilioSigner.signature(AUTH_TOKEN, forwardedUrl, form))).as("signed for " + forwardedUrl).isFalse();
        }
        assertThat(SIGNATURES.isValid(urls, form, TwilioSigner.signature(AUTH_TOKEN, signedUrl, form))).as("Twilio's signature").isTrue();
        for (var url : urls) {
            assertThat(SIGNATURES.isValid(urls, form, TwilioSigner.signature(AUTH_TOKEN, url, form))).as(url).isTrue();
        }
    }

    /** The address the request reached, as Reactor Netty parsed it; an unparseable one never gets this far. */
    private static URI received(String pathAndQuery) {
        try {
            return new URI("http://10.0.3.7:8081/webhooks/twilio/" + pathAndQuery);
        }
        catch (URISyntaxException notParsedByNetty) {
            return URI.create("http://10.0.3.7:8081/webhooks/twilio/status");
        }
    }
}
