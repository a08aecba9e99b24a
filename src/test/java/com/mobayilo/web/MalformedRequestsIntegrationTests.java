package com.mobayilo.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.calls.Telephony;
import com.mobayilo.payments.stripe.StripeAccount;
import com.mobayilo.payments.stripe.StripeSigner;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.mobayilo.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every public endpoint of the core, sent what it cannot use: a broken body, one far over the size limit, the
 * wrong content type, or broken parameters. Each answers a 4xx problem detail that says what is wrong, with no
 * stack trace or class name, and changes nothing. Signed webhooks with a broken form are refused the same way.
 */
class MalformedRequestsIntegrationTests {

    /** Several times the codecs' 256 KB limit. */
    private static final int OVERSIZED = 3 * 1024 * 1024;

    private static TestApp app;

    private static Telephony phone;

    private static String apiKey;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        phone = new Telephony(app);
        apiKey = app.bean(ApiKeys.class).create(phone.caller(500).id(), "malformed requests").block().secret();
    }

    /** The endpoints that take a body, with the content type they take. */
    enum Posted {
        TWILIO_VOICE("/webhooks/twilio/voice", Kind.FORM, false),
        TWILIO_STATUS("/webhooks/twilio/status", Kind.FORM, false),
        TWILIO_CALLER_ID("/webhooks/twilio/caller-id?request=" + UUID.randomUUID(), Kind.FORM, false),
        STRIPE("/webhooks/stripe", Kind.JSON, false),
        VOICE_TOKEN("/api/calls/token", Kind.JSON, true),
        SANDBOX_CALL("/sandbox/carrier/calls", Kind.JSON, false),
        SANDBOX_DIGITS("/sandbox/carrier/calls/CA0123/digits", Kind.JSON, false);

        final String path;

        final Kind kind;

        final boolean withKey;

        Posted(String path, Kind kind, boolean withKey) {
            this.path = path;
            this.kind = kind;
            this.withKey = withKey;
        }
    }

    enum Kind {
        FORM("application/x-www-form-urlencoded", "CallSid=%zz&To=%2", "CallSid=CA1&To="),
        JSON("application/json", "{\"id\": \"evt_1\", \"type\": ", "{\"to\": \"");

        final String contentType;

        final String broken;

        final String oversizedStart;

        Kind(String contentType, String broken, String oversizedStart) {
            this.contentType = contentType;
            this.broken = broken;
            this.oversizedStart = oversizedStart;
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(Posted.values()).flatMap(endpoint -> Stream.of(
                arguments(endpoint, "a broken body", endpoint.kind.contentType, endpoint.kind.broken),
                arguments(endpoint, "an oversized body", endpoint.kind.contentType, endpoint.kind.oversizedStart + "x".repeat(OVERSIZED)),
                arguments(endpoint, "the wrong content type", "text/xml", "<Response><Dial>+243812345678</Dial></Response>")));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("badBodies")
    void everyEndpointWithABodyRefusesWhatItCannotReadWithAProblemDetail(Posted endpoint, String what, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + endpoint.path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (endpoint.withKey) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        assertClearProblem(Http.send(request.build()));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                arguments("/api/v1/rates?number=%2B243%2081", List.of()),
                arguments("/api/v1/rates?number=%2B243812345678&country=XYZ", List.of()),
                arguments("/api/v1/rates?number=" + "9".repeat(300), List.of()),
                arguments("/api/v1/wallet", List.of("Authorization", "Bearer mby_not-a-key")),
                arguments("/api/v1/wallet", List.of("Authorization", "Bearer")),
                arguments("/api/v1/events", List.of("Authorization", "Basic Zm9vOmJhcg==")),
                arguments("/actuator/ledger", List.of("Authorization", "Bearer KEY")));
    }

    @ParameterizedTest(name = "GET {0} {1}")
    @MethodSource("badQueries")
    void everyEndpointWithoutABodyRefusesBrokenParametersWithAProblemDetail(String path, List<String> headers) {
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + path)).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1).replace("KEY", apiKey));
        }
        assertClearProblem(Http.send(request.build()));
    }

    @Test
    void aSignedTwilioWebhookThatNamesNoCallIsRefusedAsMalformed() {
        for (var path : List.of("/webhooks/twilio/voice", "/webhooks/twilio/status", "/webhooks/twilio/caller-id?request=" + UUID.randomUUID())) {
            var form = new LinkedHashMap<String, String>();
            form.put("AccountSid", phone.account().accountSid());
            form.put("CallStatus", "completed");
            form.put("To", "+243812345678");
            var answer = postForm(path, form, phone.signature(path, form));
            assertClearProblem(answer);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(json(answer).get("detail").asString()).as(path).isEqualTo("This request body is not a form a provider could have sent.");
        }
    }

    @Test
    void aSignedVoiceWebhookForANonsenseNumberIsASpokenRefusalThatHoldsNothing() {
        var caller = phone.caller(500);
        var form = phone.voiceForm(Telephony.newSid(), phone.identityOf(caller), "<Dial>+1'\"&;%00" + "9".repeat(5_000));
        var answer = postForm(Telephony.VOICE_PATH, form, phone.signature(Telephony.VOICE_PATH, form));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Say").contains("<Hangup/>").doesNotContain("<Dial>+1").doesNotContain("<Number");
    }

    /**
     * Forwarded headers that make no URL never get past the signature check. From a client that is no trusted proxy
     * they are ignored (decision 0023) and the answer is the usual 403; a bare 400 from Reactor Netty, which refused
     * some of them itself when it believed anyone, is still tolerated here.
     */
    @Test
    void aTwilioWebhookWithForwardedHeadersThatMakeNoUrlIsRefusedAsUnsigned() {
        var form = Map.of("CallSid", Telephony.newSid(), "CallStatus", "ringing");
        for (var host : List.of(",", "a b{}", "[::1", "calls.example, ,")) {
            var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/twilio/status"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "bm90LXNpZ25lZA==")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", host)
                    .POST(HttpRequest.BodyPublishers.ofString(Telephony.encoded(form)));
            var answer = Http.send(request.build());
            assertThat(answer.statusCode()).as(host).isIn(400, 403);
            if (answer.statusCode() == 403) {
                assertClearProblem(answer);
            }
            else {
                assertThat(answer.body()).as(host).isEmpty();
            }
        }
    }

    @Test
    void aSignedStripeWebhookThatIsNoEventIsRefusedAsMalformed() {
        for (var payload : List.of("{\"id\": \"evt_1\", \"type\": ", "[]", "{\"id\": 7, \"type\": {\"a\": 1}}", "\"checkout.session.completed\"")) {
            var signature = StripeSigner.header(app.bean(StripeAccount.class).webhookSecrets().getFirst(), Instant.now().getEpochSecond(), payload);
            var answer = Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/stripe"))
                    .header("Content-Type", "application/json; charset=utf-8").header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
            assertClearProblem(answer);
            assertThat(answer.statusCode()).as(payload).isEqualTo(400);
        }
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form, String signature) {
        return Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(Telephony.encoded(form))).build());
    }

    private static void assertClearProblem(HttpResponse<String> answer) {
        var description = answer.request().method() + " " + answer.request().uri().getRawPath() + " answered " + answer.statusCode() + ": "
                + answer.body().substring(0, Math.min(answer.body().length(), 400));
        assertThat(answer.statusCode()).as(description).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as(description).hasValue("application/problem+json");
        var problem = json(answer);
        assertThat(problem.get("title").asString()).as(description).isNotBlank();
        assertThat(problem.get("detail").asString()).as(description).isNotBlank();
        assertThat(problem.get("status").asInt()).as(description).isEqualTo(answer.statusCode());
        assertThat(answer.body()).as(description).doesNotContainPattern("Exception|Error:|\\bat [\\w.$]+\\(|java\\.[a-z]|org\\.springframework|reactor\\.core|com\\.mobayilo\\.");
    }
}
