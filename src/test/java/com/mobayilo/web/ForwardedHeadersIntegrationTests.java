package com.mobayilo.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.calls.Telephony;
import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-*} and {@code Forwarded} count only when they come from a proxy named in
 * {@code MOBAYILO_TRUSTED_PROXIES}: from anyone else they cannot change the client address that rate limits and
 * sign-in throttling count, nor the scheme. Twilio signatures are checked against {@code MOBAYILO_PUBLIC_URL} only,
 * whoever sends which headers. Issue 16, point 8 (docs/decisions/0023-trusted-proxies-and-safe-starts.md).
 */
class ForwardedHeadersIntegrationTests {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    /** No trusted proxy (the default): the tests' requests come straight from a client. */
    private static TestApp direct;

    /** This machine is the trusted proxy, as an ingress in front of the app would be. */
    private static TestApp proxied;

    @BeforeAll
    static void start() {
        direct = TestApp.start("--MOBAYILO_PUBLIC_URL=https://mobayilo.localhost");
        proxied = TestApp.start("--MOBAYILO_TRUSTED_PROXIES=127.0.0.1/32, ::1/128", "--MOBAYILO_PUBLIC_URL=https://mobayilo.localhost");
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
    }

    @Test
    void aFreshXForwardedForOnEachRequestDoesNotEscapeThePerAddressTokenLimit() {
        var answers = tokenRequests(direct, 65, () -> "X-Forwarded-For", ForwardedHeadersIntegrationTests::freshAddress);
        assertThat(answers).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(60);
        assertThat(answers).endsWith(429, 429, 429, 429, 429);
    }

    @Test
    void aFreshForwardedForOnEachRequestDoesNotEscapeThePerAddressTokenLimit() {
        var answers = tokenRequests(direct, 65, () -> "Forwarded", () -> "for=" + freshAddress() + ";proto=https");
        assertThat(answers).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(60);
        assertThat(answers).endsWith(429, 429, 429, 429, 429);
    }

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnTokenLimit() {
        var answers = tokenRequests(proxied, 65, () -> "X-Forwarded-For", ForwardedHeadersIntegrationTests::freshAddress);
        assertThat(answers).containsOnly(200);
    }

    /** A trusted proxy appends the address it saw; whatever the client wrote before it is not believed. */
    @Test
    void behindATrustedProxyTheClientCannotPrependAnAddressToEscapeTheLimit() {
        var answers = tokenRequests(proxied, 65, () -> "X-Forwarded-For", () -> freshAddress() + ", 203.0.113.77");
        assertThat(answers.subList(0, 60)).containsOnly(200);
        assertThat(answers.subList(60, 65)).containsOnly(429);
    }

    @Test
    void aTwilioSignatureMadeForAnotherHostIsRefusedWhateverTheForwardedHeadersSay() {
        for (var app : List.of(direct, proxied)) {
            var form = statusForm();
            assertThat(twilio(app, "https://evil.example", form, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example").statusCode())
                    .isEqualTo(403);
            assertThat(twilio(app, "https://evil2.example", form, "Forwarded", "proto=https;host=evil2.example").statusCode()).isEqualTo(403);
            assertThat(twilio(app, "https://evil2.example", form, "Forwarded", "for=203.0.113.5;proto=https;host=\"evil2.example\"").statusCode())
                    .isEqualTo(403);
            assertThat(twilioWithHostHeader(app, "evil3.example", form)).startsWith("HTTP/1.1 403");
            assertThat(twilio(app, app.coreUrl(), form).statusCode()).as("signed for the address it was reached on").isEqualTo(403);
        }
    }

    @Test
    void aTwilioSignatureForThePublicUrlIsAcceptedWithAndWithoutTheDefaultPort() {
        for (var app : List.of(direct, proxied)) {
            assertThat(twilio(app, "https://mobayilo.localhost", statusForm()).statusCode()).isEqualTo(200);
            assertThat(twilio(app, "https://mobayilo.localhost:443", statusForm()).statusCode()).isEqualTo(200);
            assertThat(twilio(app, "https://mobayilo.localhost", statusForm(), "X-Forwarded-Proto", "http", "X-Forwarded-Host", "elsewhere.example")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyATrustedProxyCanSayTheRequestCameOverHttps() {
        assertThat(Http.get(direct.uiUrl() + "/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(Http.get(direct.coreUrl() + "/api/v1/wallet", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
        assertThat(Http.get(direct.coreUrl() + "/api/v1/wallet", "Forwarded", "proto=https").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
        assertThat(Http.get(proxied.uiUrl() + "/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(Http.get(proxied.coreUrl() + "/api/v1/wallet", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isPresent();
        assertThat(Http.get(proxied.coreUrl() + "/api/v1/wallet", "Forwarded", "proto=https").headers().firstValue("Strict-Transport-Security"))
                .isPresent();
    }

    /** Twenty wrong passwords from one client throttle it, however many addresses it claims to forward for. */
    @Test
    void aFreshXForwardedForOnEachSignInDoesNotEscapeThePerAddressThrottle() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(signIn(direct, TestUsers.email(), "a-wrong-password", freshAddress())).endsWith("/login?error");
        }
        var user = TestUsers.individual(direct, "en");
        assertThat(signIn(direct, user.email().value(), TestUsers.PASSWORD, freshAddress())).contains("/login?throttled=");
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnSignInThrottle() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(signIn(proxied, TestUsers.email(), "a-wrong-password", "198.51.100.66")).endsWith("/login?error");
        }
        var user = TestUsers.individual(proxied, "en");
        assertThat(signIn(proxied, user.email().value(), TestUsers.PASSWORD, "198.51.100.66")).contains("/login?throttled=");
        assertThat(signIn(proxied, user.email().value(), TestUsers.PASSWORD, freshAddress())).doesNotContain("/login");
    }

    private static List<Integer> tokenRequests(TestApp app, int count, java.util.function.Supplier<String> header,
            java.util.function.Supplier<String> value) {
        var phone = new Telephony(app);
        var answers = new ArrayList<Integer>();
        String key = null;
        for (int i = 0; i < count; i++) {
            if (i % 13 == 0) {
                key = app.bean(ApiKeys.class).create(phone.caller(0).id(), "forwarded").block().secret();
            }
            var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/api/calls/token")).header("Authorization", "Bearer " + key)
                    .header(header.get(), value.get()).POST(HttpRequest.BodyPublishers.noBody()).build();
            answers.add(Http.send(request).statusCode());
        }
        return answers;
    }

    private static String freshAddress() {
        var n = NEXT_ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Map<String, String> statusForm() {
        var form = new LinkedHashMap<String, String>();
        form.put("CallSid", Telephony.newSid());
        form.put("ParentCallSid", Telephony.newSid());
        form.put("CallStatus", "ringing");
        return form;
    }

    /** A status callback signed as Twilio would sign it for {@code signedBase}, sent to the app with {@code headers}. */
    private static HttpResponse<String> twilio(TestApp app, String signedBase, Map<String, String> form, String... headers) {
        var signature = new TwilioSignatures(new Telephony(app).account().authToken()).sign(signedBase + "/webhooks/twilio/status", form);
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/twilio/status"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(Telephony.encoded(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request.build());
    }

    /** The same, signed for {@code host} and sent with that Host header (which Java's HTTP client will not set). */
    private static String twilioWithHostHeader(TestApp app, String host, Map<String, String> form) {
        var signature = new TwilioSignatures(new Telephony(app).account().authToken()).sign("http://" + host + "/webhooks/twilio/status", form);
        var body = Telephony.encoded(form);
        var request = "POST /webhooks/twilio/status HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "X-Twilio-Signature: " + signature + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body;
        var port = URI.create(app.coreUrl()).getPort();
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /** Posts the sign-in form as the browser does, claiming to forward for {@code forwardedFor}; the answer's Location. */
    private static String signIn(TestApp app, String email, String password, String forwardedFor) {
        var page = Http.get(app.uiUrl() + "/login");
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in page carries its CSRF token").isTrue();
        var session = page.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1)).findFirst().orElseThrow();
        var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var answer = Http.send(HttpRequest.newBuilder(URI.create(app.uiUrl() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session).header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }
}
