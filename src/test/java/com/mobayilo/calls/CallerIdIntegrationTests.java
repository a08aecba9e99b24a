package com.mobayilo.calls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mobayilo.accounts.User;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Caller ID verification over real HTTP: Twilio's REST API answered by WireMock with Twilio's own payloads,
 * its status callbacks signed as Twilio signs them, and the next call's TwiML on the real voice webhook.
 */
class CallerIdIntegrationTests {

    private static final String OUTGOING_CALLER_IDS = "/2010-04-01/Accounts/AC[0-9a-f]{32}/OutgoingCallerIds\\.json";

    private static WireMockServer twilio;

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        app = TestApp.start("--mobayilo.twilio.api-base-url=" + twilio.baseUrl());
        phone = new Telephony(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        twilio.stop();
    }

    @BeforeEach
    void twilioValidatesAnyNumberWithCode123456() {
        twilio.resetAll();
        twilio.stubFor(post(urlPathMatching(OUTGOING_CALLER_IDS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"account_sid": "AC3c2f3b0c7d1e4f5a6b7c8d9e0f1a2b3c", "call_sid": "CA6a0e4a9e5b6f4c2d8e1f0a3b5c7d9e1f",
                         "friendly_name": "{{formData request.body 'form' urlDecode=true}}{{form.FriendlyName}}",
                         "phone_number": "{{form.PhoneNumber}}", "validation_code": "123456"}""")));
    }

    @Test
    void aVerifiedNumberIsTheCallerIdOfTheNextCall() {
        var caller = phone.caller(500);
        var pending = verification().request(caller.id(), "+1 415 555 2671").block();
        assertThat(pending.status()).isEqualTo(CallerIdStatus.PENDING);
        assertThat(pending.code()).isEqualTo("123456");
        var sent = lastValidationRequest();
        assertThat(sent).containsEntry("PhoneNumber", "+14155552671").containsEntry("StatusCallbackMethod", "POST")
                .containsEntry("FriendlyName", "Mobayilo " + caller.id().value());
        assertThat(sent.get("StatusCallback")).startsWith(app.coreUrl() + "/webhooks/twilio/caller-id?request=");
        assertThat(phone.callerIdOfNextCall(caller)).as("still the default until Twilio reports back").isEqualTo(phone.account().number());

        assertThat(phone.verificationCallback(sent.get("StatusCallback"), "+14155552671", "success").statusCode()).isEqualTo(200);

        var verified = verification().current(caller.id()).block();
        assertThat(verified.status()).isEqualTo(CallerIdStatus.VERIFIED);
        assertThat(verified.verifiedAt()).isNotNull();
        assertThat(lastEventOf(caller)).contains("\"status\": \"VERIFIED\"").contains("+14155552671");
        assertThat(phone.callerIdOfNextCall(caller)).isEqualTo("+14155552671");
    }

    @Test
    void aDuplicateCallbackChangesNothingAndAForgedOneIsRefused() {
        var caller = phone.caller(0);
        verification().request(caller.id(), "+1 415 555 2672").block();
        var callback = lastValidationRequest().get("StatusCallback");
        phone.verificationCallback(callback, "+14155552672", "success");
        var first = verification().current(caller.id()).block();
        var events = eventsOf(caller);

        assertThat(phone.verificationCallback(callback, "+14155552672", "success").statusCode()).isEqualTo(200);
        assertThat(phone.verificationCallback(callback, "+14155552672", "failed").statusCode()).isEqualTo(200);
        assertThat(verification().current(caller.id()).block()).isEqualTo(first);
        assertThat(eventsOf(caller)).isEqualTo(events);

        var other = phone.caller(0);
        verification().request(other.id(), "+1 415 555 2673").block();
        var form = Map.of("To", "+14155552673", "VerificationStatus", "success", "CallSid", Telephony.newSid());
        var path = lastValidationRequest().get("StatusCallback").substring(app.coreUrl().length());
        var forged = phone.post(path, form, "bm90IGEgc2lnbmF0dXJl");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(phone.post(path, form, null).statusCode()).isEqualTo(403);
        assertThat(verification().current(other.id()).block().status()).isEqualTo(CallerIdStatus.PENDING);
    }

    @Test
    void aFailedVerificationKeepsTheDefaultCallerIdAndCanBeRetried() {
        var caller = phone.caller(500);
        verification().request(caller.id(), "+1 415 555 2674").block();
        phone.verificationCallback(lastValidationRequest().get("StatusCallback"), "+14155552674", "failed");
        assertThat(verification().current(caller.id()).block().status()).isEqualTo(CallerIdStatus.FAILED);
        assertThat(phone.callerIdOfNextCall(caller)).isEqualTo(phone.account().number());

        var retried = verification().request(caller.id(), "+14155552674").block();
        assertThat(retried.status()).isEqualTo(CallerIdStatus.PENDING);
        assertThat(twilio.findAll(postRequestedFor(urlPathMatching(OUTGOING_CALLER_IDS)))).hasSize(2);
    }

    @Test
    void twilioErrorsBecomeClearRefusalsAndLeaveTheCallerIdAsItWas() {
        twilioAnswersWithError("+14155552675", 21450, "Phone number already verified for your account");
        twilioAnswersWithError("+14155552676", 21211, "Invalid 'PhoneNumber' Phone Number: +14155552676");
        var caller = phone.caller(0);
        assertThatThrownBy(() -> verification().request(caller.id(), "+14155552675").block())
                .isInstanceOfSatisfying(CallerIdRefusal.CallRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(CallerIdRefusal.Reason.ALREADY_REGISTERED);
                    assertThat(refused.messageKey()).isEqualTo("callerid.refused.ALREADY_REGISTERED");
                });
        assertThatThrownBy(() -> verification().request(caller.id(), "+14155552676").block())
                .isInstanceOfSatisfying(CallerIdRefusal.CallRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(CallerIdRefusal.Reason.UNREACHABLE));
        assertThat(verification().current(caller.id()).blockOptional()).isEmpty();
        assertThat(eventsOf(caller)).isZero();
    }

    @Test
    void aNumberThisPersonVerifiedBeforeIsNotSentToTwilioAgain() {
        var caller = phone.caller(500);
        verification().request(caller.id(), "+1 415 555 2677").block();
        phone.verificationCallback(lastValidationRequest().get("StatusCallback"), "+14155552677", "success");
        assertThat(verification().request(caller.id(), "+14155552677").block().status()).isEqualTo(CallerIdStatus.VERIFIED);

        verification().remove(caller.id()).block();
        assertThat(verification().current(caller.id()).blockOptional()).isEmpty();
        assertThat(lastEventOf(caller)).contains("REMOVED");
        assertThat(phone.callerIdOfNextCall(caller)).isEqualTo(phone.account().number());

        var again = verification().request(caller.id(), "+1 (415) 555-2677").block();
        assertThat(again.status()).isEqualTo(CallerIdStatus.VERIFIED);
        assertThat(twilio.findAll(postRequestedFor(urlPathMatching(OUTGOING_CALLER_IDS)))).hasSize(1);
        assertThat(phone.callerIdOfNextCall(caller)).isEqualTo("+14155552677");
    }

    @Test
    void aCallbackFasterThanTwiliosAnswerStillVerifies() {
        twilio.stubFor(post(urlPathMatching(OUTGOING_CALLER_IDS)).withRequestBody(containing("PhoneNumber=%2B14155552678"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(1_500).withHeader("Content-Type", "application/json").withBody("""
                        {"account_sid": "AC3c2f3b0c7d1e4f5a6b7c8d9e0f1a2b3c", "call_sid": "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
                         "friendly_name": "Mobayilo", "phone_number": "+14155552678", "validation_code": "654321"}""")));
        var caller = phone.caller(500);
        var asked = CompletableFuture.supplyAsync(() -> verification().request(caller.id(), "+14155552678").block());
        var callback = await().atMost(Duration.ofSeconds(5)).until(() -> pendingRequestOf(caller), id -> id != null);
        phone.verificationCallback(app.coreUrl() + CallerIdVerification.CALLBACK_PATH + "?request=" + callback, "+14155552678", "success");
        assertThat(asked.join().status()).isEqualTo(CallerIdStatus.VERIFIED);
        assertThat(phone.callerIdOfNextCall(caller)).isEqualTo("+14155552678");
    }

    @Test
    void invalidNumbersAreRefusedBeforeTwilioAndVerificationsAreRateLimited() {
        var caller = phone.caller(0);
        assertThatThrownBy(() -> verification().request(caller.id(), "+243 81").block()).hasMessage("rating.number.TOO_SHORT");
        assertThatThrownBy(() -> verification().request(caller.id(), "+33 899 123 456").block()).hasMessage("rating.blocked.PREMIUM_RATE");
        assertThat(twilio.findAll(postRequestedFor(urlPathMatching(OUTGOING_CALLER_IDS)))).isEmpty();
        for (int i = 0; i < 5; i++) {
            verification().request(caller.id(), "+1 415 555 01" + (10 + i)).block();
        }
        assertThatThrownBy(() -> verification().request(caller.id(), "+1 415 555 0120").block())
                .isInstanceOfSatisfying(CallerIdRefusal.Throttled.class, throttled -> assertThat(throttled.retryAfter()).isPositive());
        assertThat(twilio.findAll(postRequestedFor(urlPathMatching(OUTGOING_CALLER_IDS)))).hasSize(5);
    }

    private static void twilioAnswersWithError(String number, int code, String message) {
        twilio.stubFor(post(urlPathMatching(OUTGOING_CALLER_IDS)).withRequestBody(containing("PhoneNumber=" + number.replace("+", "%2B")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": 400}"""
                        .formatted(code, message, code))));
    }

    private static CallerIdVerification verification() {
        return app.bean(CallerIdVerification.class);
    }

    /** The form of the last request Twilio's OutgoingCallerIds resource received. */
    private static Map<String, String> lastValidationRequest() {
        var requests = twilio.findAll(postRequestedFor(urlPathMatching(OUTGOING_CALLER_IDS)));
        assertThat(requests).isNotEmpty();
        return form(requests.getLast());
    }

    private static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String lastEventOf(User caller) {
        return app.bean(DatabaseClient.class)
                .sql("select payload::text as payload from events where stream = :stream and type = :type order by id desc limit 1")
                .bind("stream", "user:" + caller.id().value()).bind("type", CallerIdUpdated.TYPE)
                .map(row -> row.get("payload", String.class)).one().block();
    }

    private static long eventsOf(User caller) {
        return app.bean(DatabaseClient.class).sql("select count(*) as n from events where stream = :stream and type = :type")
                .bind("stream", "user:" + caller.id().value()).bind("type", CallerIdUpdated.TYPE)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static UUID pendingRequestOf(User caller) {
        return app.bean(DatabaseClient.class).sql("select id from caller_id_requests where owner_id = :owner and status = 'PENDING'")
                .bind("owner", caller.id().value()).map(row -> row.get("id", UUID.class)).one().block();
    }
}
