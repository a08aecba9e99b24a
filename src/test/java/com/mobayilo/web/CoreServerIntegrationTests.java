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
    void healthIsUpAndOnlyReadinessDependsOnTheDatabase() {
        assertThat(json(get(app.coreUrl() + "/actuator/health")).get("status").asString()).isEqualTo("UP");
        var readiness = json(get(app.coreUrl() + "/actuator/health/readiness"));
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").has("r2dbc")).as("readiness includes the database").isTrue();
        // A database outage must not restart every pod at once (docs/decisions/0035-behaviour-under-database-faults.md).
        var liveness = json(get(app.coreUrl() + "/actuator/health/liveness"));
        assertThat(liveness.get("status").asString()).isEqualTo("UP");
        assertThat(liveness.get("components").has("r2dbc")).as("liveness leaves the database out").isFalse();
        assertThat(liveness.get("components").has("livenessState")).isTrue();
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
    void withAManagementPortActuatorLeavesTheCorePortWhichKeepsServingTheApi() {
        try (var separate = TestApp.start("--MOBAYILO_MANAGEMENT_PORT=0")) {
            assertThat(separate.managementUrl()).isNotEqualTo(separate.coreUrl());
            for (var path : new String[] { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus" }) {
                assertThat(get(separate.managementUrl() + path).statusCode()).as(path + " on the management port").isEqualTo(200);
                assertThat(get(separate.coreUrl() + path).statusCode()).as(path + " on the core port").isNotEqualTo(200);
            }
            assertThat(get(separate.coreUrl() + "/api/v1/rates?number=%2B243812345678").statusCode()).isEqualTo(200);
            // the core's security chain still guards it there: the ledger check is for operators only
            assertThat(get(separate.managementUrl() + "/actuator/ledger").statusCode()).isEqualTo(401);
        }
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
