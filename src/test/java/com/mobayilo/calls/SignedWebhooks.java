package com.mobayilo.calls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.testing.Http;

/**
 * Twilio's webhooks for a call, posted to whichever replica {@code coreUrl} names and signed for that URL with the
 * auth token every replica was given: what Twilio does when a load balancer spreads its requests.
 */
public record SignedWebhooks(String authToken) {

    /** The browser of {@code identity} dials {@code to}: the voice webhook that starts (and holds credit for) a call. */
    public HttpResponse<String> voice(String coreUrl, String callSid, String identity, String to) {
        var form = new LinkedHashMap<String, String>();
        form.put("CallSid", callSid);
        form.put("From", "client:" + identity);
        form.put("To", to);
        form.put("Direction", "inbound");
        return post(coreUrl, Telephony.VOICE_PATH, form);
    }

    /** A status callback of the dialled leg {@code childSid} of {@code callSid}; {@code duration} only once it ended. */
    public HttpResponse<String> status(String coreUrl, String callSid, String childSid, String status, Integer duration) {
        var form = new LinkedHashMap<String, String>();
        form.put("CallSid", childSid);
        form.put("ParentCallSid", callSid);
        form.put("CallStatus", status);
        if (duration != null) {
            form.put("CallDuration", duration.toString());
        }
        return post(coreUrl, "/webhooks/twilio/status", form);
    }

    private HttpResponse<String> post(String coreUrl, String path, Map<String, String> form) {
        var signature = new TwilioSignatures(authToken).sign(coreUrl + path, form);
        return Http.send(HttpRequest.newBuilder(URI.create(coreUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(Telephony.encoded(form))).build());
    }
}
