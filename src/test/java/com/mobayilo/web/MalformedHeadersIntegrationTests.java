package com.mobayilo.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import static com.mobayilo.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A header the client got wrong is the client's mistake: the core still answers what it would have answered (in
 * English when the language cannot be read), as a problem detail when it refuses, and logs it at most as a warning
 * without a stack trace. Issue 16, point 9.
 */
class MalformedHeadersIntegrationTests {

    private static final List<String> BAD_LANGUAGES = List.of("en;q=abc", "fr;q=", "*;q=2", ";;;", "de-\"x\"");

    private static TestApp app;

    private static String apiKey;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        apiKey = app.bean(ApiKeys.class).create(new Telephony(app).caller(500).id(), "malformed headers").block().secret();
    }

    @BeforeEach
    void listen() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logs);
    }

    static Stream<Arguments> refusedRequests() {
        var form = Telephony.encoded(Map.of("CallSid", Telephony.newSid(), "CallStatus", "ringing"));
        return BAD_LANGUAGES.stream().flatMap(language -> Stream.of(
                arguments(language, named(get("/api/v1/wallet")), 401, "Sign in or send a valid API key to use this address."),
                arguments(language, named(get("/api/v1/events")), 401, "Sign in or send a valid API key to use this address."),
                arguments(language, named(get("/actuator/ledger")), 401, "Sign in or send a valid API key to use this address."),
                arguments(language, named(get("/no/such/thing")), 401, "Sign in or send a valid API key to use this address."),
                arguments(language, named(get("/api/v1/rates?number=%2B243%2081")), 400, null),
                arguments(language, named(withKey(get("/api/no/such/thing"))), 404, "There is nothing at this address."),
                arguments(language, named(post("/webhooks/twilio/status", "application/x-www-form-urlencoded", form)), 403,
                        "This request is not signed by the provider."),
                arguments(language, named(post("/webhooks/stripe", "application/json", "{}")), 400, null)));
    }

    @ParameterizedTest(name = "Accept-Language: {0} on {1}")
    @MethodSource("refusedRequests")
    void aMalformedAcceptLanguageGetsTheUsualProblemDetailInEnglish(String language, Request refused, int status, String detail) {
        var request = refused.builder();
        var answer = Http.send(request.header("Accept-Language", language).build());
        assertThat(answer.statusCode()).as(describe(answer)).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(describe(answer)).hasValue("application/problem+json");
        var problem = json(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).as(describe(answer)).isNotBlank();
        if (detail != null) {
            assertThat(problem.get("detail").asString()).as(describe(answer)).isEqualTo(detail);
        }
        assertNoErrorLoggedAndNoStackTrace();
    }

    @Test
    void aMalformedAcceptLanguageChangesNothingForAnAnswerThatSucceeds() {
        for (var language : BAD_LANGUAGES) {
            var wallet = Http.send(withKey(get("/api/v1/wallet")).header("Accept-Language", language).build());
            assertThat(wallet.statusCode()).as(describe(wallet)).isEqualTo(200);
            assertThat(json(wallet).get("balanceCents").asLong()).isEqualTo(500);
            var rates = Http.send(get("/api/v1/rates?number=%2B243812345678").header("Accept-Language", language).build());
            assertThat(rates.statusCode()).as(describe(rates)).isEqualTo(200);
        }
        assertNoErrorLoggedAndNoStackTrace();
    }

    @Test
    void aMalformedAcceptLanguageOnTheUiPortStillShowsTheSignInPage() {
        for (var language : BAD_LANGUAGES) {
            var login = Http.get(app.uiUrl() + "/login", "Accept-Language", language);
            assertThat(login.statusCode()).as(language).isEqualTo(200);
        }
        assertNoErrorLoggedAndNoStackTrace();
    }

    @Test
    void aMalformedContentTypeIsABadRequestNotAServerError() {
        for (var type : List.of(";;;", "application/", "application/json; charset=\"")) {
            var answer = Http.send(withKey(post("/api/calls/token", type, "{}")).build());
            assertThat(answer.statusCode()).as(type + ": " + describe(answer)).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).get("detail").asString()).isNotBlank();
        }
        assertNoErrorLoggedAndNoStackTrace();
    }

    private void assertNoErrorLoggedAndNoStackTrace() {
        assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .as("errors logged for a client's mistake").isEmpty();
        assertThat(logs.list).filteredOn(event -> event.getThrowableProxy() != null)
                .as("stack traces logged for a client's mistake").isEmpty();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(app.coreUrl() + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(app.coreUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A request to send, named by its method and path in the test's name. */
    record Request(String name, HttpRequest.Builder builder) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Request named(HttpRequest.Builder builder) {
        var built = builder.copy().build();
        return new Request(built.method() + " " + built.uri().getRawPath(), builder);
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + apiKey);
    }

    private static String describe(HttpResponse<String> answer) {
        return answer.request().method() + " " + answer.request().uri().getRawPath() + " answered " + answer.statusCode() + ": "
                + answer.body().substring(0, Math.min(answer.body().length(), 300));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
