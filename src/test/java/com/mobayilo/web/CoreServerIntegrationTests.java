package com.mobayilo.web;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static com.mobayilo.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Both servers of one JVM answer on their own ports, and the core speaks problem details only. */
class CoreServerIntegrationTests {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void healthIsUpAndItsProbeGroupsIncludeTheDatabase() {
        assertThat(json(get(app.coreUrl() + "/actuator/health")).get("status").asString()).isEqualTo("UP");
        for (var group : new String[] { "liveness", "readiness" }) {
            var health = json(get(app.coreUrl() + "/actuator/health/" + group));
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").has("r2dbc")).as(group + " includes the database").isTrue();
        }
    }

    @Test
    void prometheusMetricsIncludeTheDatabasePool() {
        var metrics = get(app.coreUrl() + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("r2dbc_pool_acquired_connections").contains("jvm_memory_used_bytes");
    }

    @Test
    void anUnknownAddressOnTheCoreAnswersAProblemDetailInTheCallersLanguage() {
        var english = get(app.coreUrl() + "/no/such/thing", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(401);
        assertThat(english.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(english).get("detail").asString()).isEqualTo("Sign in or send a valid API key to use this address.");
        var french = get(app.coreUrl() + "/no/such/thing", "Accept-Language", "fr-BE,fr;q=0.9");
        assertThat(json(french).get("detail").asString()).startsWith("Connectez-vous");
        assertThat(french.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void actuatorIsNotServedOnTheUiPort() {
        assertThat(get(app.uiUrl() + "/actuator/health").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theUiSendsVisitorsToTheSignInPage() {
        var root = get(app.uiUrl() + "/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        var login = get(app.uiUrl() + "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<title>Mobayilo</title>");
    }
}
