package com.mobayilo.companies;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.User;
import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.util.UriComponentsBuilder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: every signed-in view and every {@code /api} endpoint, walked by each role (individual, seat,
 * company admin, operator) and by the admin of another company. Nothing crosses: a view a role may not open
 * reads as not found, an API answers each caller with their own data only, and no URL carries an id that opens
 * someone else's data.
 */
class AccessMatrixBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    private static TestCompany acme;

    private static TestCompany rival;

    private static User seat;

    private static User individual;

    /** Each view and the roles that may open it. */
    private static final Map<String, Set<String>> VIEWS = new LinkedHashMap<>();

    static {
        var everyone = Set.of("individual", "seat", "admin", "rival", "operator");
        VIEWS.put("call", everyone);
        VIEWS.put("calls", everyone);
        VIEWS.put("caller-id", everyone);
        VIEWS.put("settings", everyone);
        VIEWS.put("wallet", Set.of("individual", "admin", "rival", "operator"));
        VIEWS.put("company", Set.of("admin", "rival"));
        VIEWS.put("company/seats", Set.of("admin", "rival"));
        VIEWS.put("company/reports", Set.of("admin", "rival"));
        VIEWS.put("operator/wallets", Set.of("operator"));
        VIEWS.put("operator/rates", Set.of("operator"));
        VIEWS.put("operator/policy", Set.of("operator"));
        VIEWS.put("operator/companies", Set.of("operator"));
        VIEWS.put("operator/payments", Set.of("operator"));
        VIEWS.put("operator/call-quality", Set.of("operator"));
    }

    @BeforeAll
    static void start() {
        app = TestApp.start();
        acme = TestCompany.create(app, 5_000);
        rival = TestCompany.create(app, 5_000);
        seat = acme.seat(SeatSettings.UNCAPPED);
        individual = new Telephony(app).caller(500);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void eachRoleOpensExactlyTheViewsItMay() {
        for (var role : List.of("individual", "seat", "admin", "rival", "operator")) {
            var visitor = signedIn(role);
            for (var view : VIEWS.entrySet()) {
                visitor.open(view.getKey());
                var notFound = visitor.page().getByText(visitor.t("error.notfound.title"));
                if (view.getValue().contains(role)) {
                    assertThat(notFound).isHidden(); // the role opens the view
                }
                else {
                    assertThat(notFound).isVisible(); // the role is kept out
                }
            }
            visitor.page().context().close();
        }
    }

    @Test
    void anAdminsDashboardListsOnlyTheirOwnCompanysSeats() {
        var admin = signedIn("admin").open("company");
        assertThat(admin.page().locator(".seat-card[data-seat-email='" + seat.email().value() + "']")).isVisible();
        var other = signedIn("rival").open("company");
        assertThat(other.page().locator(".seat-card[data-seat-email='" + seat.email().value() + "']")).hasCount(0);
        assertThat(other.page().locator(".seat-card[data-seat-email='" + acme.admin().email().value() + "']")).hasCount(0);
        other.open("company/seats");
        assertThat(other.page().getByText(seat.email().value())).hasCount(0);
    }

    @Test
    void theApiAnswersEachCallerWithTheirOwnDataOnly() {
        var keys = app.bean(ApiKeys.class);
        var individualKey = keys.create(individual.id(), "matrix").block().secret();
        var seatKey = keys.create(seat.id(), "matrix").block().secret();
        var adminKey = keys.create(acme.admin().id(), "matrix").block().secret();
        var rivalKey = keys.create(rival.admin().id(), "matrix").block().secret();

        assertThat(Http.json(get("/api/v1/wallet", individualKey)).get("balanceCents").asLong()).isEqualTo(500);
        assertThat(Http.json(get("/api/v1/wallet", adminKey)).get("balanceCents").asLong()).isEqualTo(acme.balance().balance().cents());
        assertThat(Http.json(get("/api/v1/wallet", rivalKey)).get("balanceCents").asLong()).isEqualTo(rival.balance().balance().cents());
        var seatWallet = get("/api/v1/wallet", seatKey);
        assertThat(seatWallet.statusCode()).isEqualTo(403);
        assertThat(seatWallet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(get("/api/v1/wallet", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/rates?number=%2B243812345678", seatKey).statusCode()).isEqualTo(200);
        for (var key : List.of(individualKey, seatKey, adminKey, rivalKey)) {
            assertThat(post("/api/calls/token", key).statusCode()).isEqualTo(200);
        }
        assertThat(get("/actuator/ledger", adminKey).statusCode()).isIn(401, 403, 404);
    }

    @Test
    void aSeatsCallReachesItsOwnAdminsStreamAndNoOtherCompanys() throws Exception {
        var keys = app.bean(ApiKeys.class);
        var acmeStream = com.mobayilo.testing.SseClient.connect(app.coreUrl(), keys.create(acme.admin().id(), "sse").block().secret());
        var rivalStream = com.mobayilo.testing.SseClient.connect(app.coreUrl(), keys.create(rival.admin().id(), "sse").block().secret());
        try (acmeStream; rivalStream) {
            var sid = Telephony.newSid();
            new Telephony(app).voice(sid, seat, "+243812345678");
            var seen = acmeStream.drain(java.time.Duration.ofSeconds(3)).stream().filter(event -> "call.updated".equals(event.event()))
                    .findFirst().orElseThrow().data();
            assertThat(seen).contains(seat.id().value().toString()).contains("•").doesNotContain("812345678").doesNotContain(sid);
            assertThat(rivalStream.drain(java.time.Duration.ofSeconds(1))).noneMatch(event -> "call.updated".equals(event.event()));
            new Telephony(app).status(sid, "CH" + sid.substring(2), "no-answer", 0);
        }
    }

    private static Visitor signedIn(String role) {
        return switch (role) {
            case "individual" -> Visitor.of(browser, app, "en-US").signIn(individual.email().value(), TestUsers.PASSWORD);
            case "admin" -> Visitor.of(browser, app, "en-US").signIn(acme.admin().email().value(), TestUsers.PASSWORD);
            case "rival" -> Visitor.of(browser, app, "en-US").signIn(rival.admin().email().value(), TestUsers.PASSWORD);
            case "operator" -> Visitor.of(browser, app, "en-US").signIn("ops@mobayilo.test", "ops-password-1");
            case "seat" -> seatByLink();
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static Visitor seatByLink() {
        app.bean(org.springframework.r2dbc.core.DatabaseClient.class).sql("delete from rate_limit_buckets").then().block();
        var before = app.mailsTo(seat.email().value());
        app.bean(SeatSignIn.class).requestLink(seat.email().value(), "10.9.9.9").block();
        org.awaitility.Awaitility.await().until(() -> app.mailsTo(seat.email().value()) > before);
        var link = app.linkMailedTo(seat.email().value(), "sign-in link");
        var path = URI.create(link).getPath().substring(1) + "?token="
                + UriComponentsBuilder.fromUri(URI.create(link)).build().getQueryParams().getFirst("token");
        var visitor = Visitor.of(browser, app, "en-US").open(path);
        visitor.page().locator("#signin-link-continue").click();
        visitor.page().waitForURL(url -> url.contains("/call"));
        return visitor;
    }

    private static java.net.http.HttpResponse<String> get(String path, String key) {
        return key == null ? Http.get(app.coreUrl() + path) : Http.get(app.coreUrl() + path, "Authorization", "Bearer " + key);
    }

    private static java.net.http.HttpResponse<String> post(String path, String key) {
        return Http.send(java.net.http.HttpRequest.newBuilder(URI.create(app.coreUrl() + path)).header("Authorization", "Bearer " + key)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

}
