package com.mobayilo.calls.twilio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures are made by {@link TwilioSigner}, independently of {@link TwilioSignatures}, the way Twilio documents
 * them, and that signer is pinned to the example in Twilio's SDK tests.
 */
class TwilioSignaturesTests {

    private static final String AUTH_TOKEN = "12345";

    private static final String PUBLIC_URL = "https://calls.mobayilo.example/webhooks/twilio/voice";

    /** The URLs a webhook behind the load balancer may have been signed for: the public one, and its own. */
    private static final List<String> CANDIDATES = List.of(PUBLIC_URL, "http://10.0.3.7:8081/webhooks/twilio/voice");

    private final TwilioSignatures signatures = new TwilioSignatures(AUTH_TOKEN);

    @Test
    void theTestsSignerMatchesTwiliosPublishedExample() {
        var params = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE", "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(twilioSignature(url, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(signatures.sign(url, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        assertThat(signatures.isValid(CANDIDATES, voiceForm(), twilioSignature(PUBLIC_URL, voiceForm()))).isTrue();
    }

    @Test
    void aTamperedParameterIsRefused() {
        var signature = twilioSignature(PUBLIC_URL, voiceForm());
        var tampered = voiceForm();
        tampered.put("To", "+243899999999");
        assertThat(signatures.isValid(CANDIDATES, tampered, signature)).isFalse();
        var added = voiceForm();
        added.put("Direction", "outbound-api");
        assertThat(signatures.isValid(CANDIDATES, added, signature)).isFalse();
    }

    @Test
    void aUrlSignedWithTheDefaultPortValidatesWithoutIt() {
        var signature = twilioSignature("https://calls.mobayilo.example:443/webhooks/twilio/voice", voiceForm());
        assertThat(signatures.isValid(List.of(PUBLIC_URL), voiceForm(), signature)).isTrue();
    }

    @Test
    void aUrlSignedWithoutTheDefaultPortValidatesWithIt() {
        var signature = twilioSignature(PUBLIC_URL, voiceForm());
        assertThat(signatures.isValid(List.of("https://calls.mobayilo.example:443/webhooks/twilio/voice"), voiceForm(), signature)).isTrue();
    }

    @Test
    void parametersWithSpacesAndApostrophesValidate() {
        var form = voiceForm();
        form.put("CallerName", "O'Brien Smith");
        form.put("FromCity", "KINSHASA GOMBE");
        assertThat(signatures.isValid(CANDIDATES, form, twilioSignature(PUBLIC_URL, form))).isTrue();
    }

    @Test
    void aSignatureForAnotherUrlIsRefused() {
        var form = voiceForm();
        for (var other : List.of("https://calls.mobayilo.example/webhooks/twilio/status", "https://attacker.example/webhooks/twilio/voice",
                "https://calls.mobayilo.example:8443/webhooks/twilio/voice", "http://calls.mobayilo.example/webhooks/twilio/voice")) {
            assertThat(signatures.isValid(CANDIDATES, form, twilioSignature(other, form))).as(other).isFalse();
        }
    }

    @Test
    void aMissingSignatureOrOneMadeWithAnotherTokenIsRefused() {
        assertThat(signatures.isValid(CANDIDATES, voiceForm(), null)).isFalse();
        assertThat(signatures.isValid(CANDIDATES, voiceForm(), " ")).isFalse();
        var foreign = new TwilioSignatures("another-auth-token").sign(PUBLIC_URL, voiceForm());
        assertThat(signatures.isValid(CANDIDATES, voiceForm(), foreign)).isFalse();
    }

    private static LinkedHashMap<String, String> voiceForm() {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        form.put("From", "client:v-7f3a9c");
        form.put("To", "+243812345678");
        return form;
    }

    private static String twilioSignature(String url, Map<String, String> params) {
        return TwilioSigner.signature(AUTH_TOKEN, url, params);
    }
}
