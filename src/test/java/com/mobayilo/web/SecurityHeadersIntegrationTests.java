package com.mobayilo.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of both servers carries the browser-hardening headers, and HSTS only when the request came over
 * HTTPS (here: through a trusted proxy saying so with X-Forwarded-Proto) (docs/decisions/0018-security-headers.md).
 */
class SecurityHeadersIntegrationTests {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void theSignInPageForbidsSniffingFramingAndForeignScripts() {
        var login = Http.get(app.uiUrl() + "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertUiHeaders(login.headers());
    }

    @Test
    void aStaticAssetOfTheUiCarriesTheSameHeaders() {
        var stylesheet = Http.get(app.uiUrl() + "/styles.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertUiHeaders(stylesheet.headers());
    }

    @Test
    void theUiAllowsOnlyItselfTheCoreAndTwilioToBeCalledFromItsPages() {
        var policy = Http.get(app.uiUrl() + "/login").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("connect-src 'self' " + app.coreUrl() + " https://*.twilio.com wss://*.twilio.com")
                .contains("object-src 'none'").contains("base-uri 'self'").contains("form-action 'self'");
    }

    @Test
    void anApiAnswerCarriesTheCoreHeaders() {
        var rates = Http.get(app.coreUrl() + "/api/v1/rates?number=%2B243812345678");
        assertThat(rates.statusCode()).isEqualTo(200);
        assertCoreHeaders(rates.headers());
    }

    @Test
    void anUnauthenticatedApiCallsProblemDetailCarriesTheCoreHeaders() {
        var wallet = Http.get(app.coreUrl() + "/api/v1/wallet");
        assertThat(wallet.statusCode()).isEqualTo(401);
        assertThat(wallet.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertCoreHeaders(wallet.headers());
    }

    @Test
    void aRefusedWebhookCarriesTheCoreHeaders() {
        var webhook = Http.send(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(webhook.statusCode()).isEqualTo(400);
        assertCoreHeaders(webhook.headers());
    }

    @Test
    void theEventStreamCarriesTheCoreHeaders() {
        var user = TestUsers.individual(app, "en");
        var key = app.bean(ApiKeys.class).create(user.id(), "headers").block().secret();
        var stream = openStream(HttpRequest.newBuilder(URI.create(app.coreUrl() + "/api/v1/events"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(10)).build());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertCoreHeaders(stream.headers());
    }

    /**
     * Over HTTPS here means through a trusted proxy (this machine, named in MOBAYILO_TRUSTED_PROXIES) saying so; a client
     * that is no trusted proxy cannot claim it (ForwardedHeadersIntegrationTests).
     */
    @Test
    void hstsIsSentOnlyWhenTheRequestCameOverHttps() {
        try (var proxied = TestApp.start("--MOBAYILO_TRUSTED_PROXIES=127.0.0.1/32,::1/128")) {
            assertThat(Http.get(proxied.uiUrl() + "/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(Http.get(proxied.coreUrl() + "/api/v1/wallet").headers().firstValue("Strict-Transport-Security")).isEmpty();

            var ui = Http.get(proxied.uiUrl() + "/login", "X-Forwarded-Proto", "https");
            assertThat(ui.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
            var core = Http.get(proxied.coreUrl() + "/api/v1/wallet", "X-Forwarded-Proto", "https");
            assertThat(core.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
        }
        assertThat(Http.get(app.uiUrl() + "/login", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(Http.get(app.coreUrl() + "/api/v1/wallet", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }

    private static void assertUiHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .startsWith("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    private static void assertCoreHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    /** The stream never ends by itself: read its head, then hang up. */
    private static HttpResponse<InputStream> openStream(HttpRequest request) {
        var client = HttpClient.newHttpClient();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        finally {
            client.shutdownNow();
        }
    }
}
