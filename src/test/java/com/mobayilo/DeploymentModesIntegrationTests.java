package com.mobayilo;

import com.mobayilo.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The same jar runs as a UI-only or a core-only deployment. */
class DeploymentModesIntegrationTests {

    @Test
    void aCoreOnlyDeploymentServesHealthAndNoUi() {
        try (var core = Mobayilo.start(arguments("--mobayilo.ui.enabled=false"))) {
            assertThat(core.ui()).isEmpty();
            assertThat(get("http://localhost:" + core.corePort() + "/actuator/health").body()).contains("UP");
        }
    }

    @Test
    void aUiOnlyDeploymentServesTheSignInPageAndNoCore() {
        try (var ui = Mobayilo.start(arguments("--mobayilo.core.enabled=false"))) {
            assertThat(ui.core()).isEmpty();
            assertThat(get("http://localhost:" + ui.uiPort() + "/login").statusCode()).isEqualTo(200);
        }
    }

    private static String[] arguments(String mode) {
        var database = TestDatabase.fresh().arguments();
        var all = new String[database.length + 3];
        System.arraycopy(database, 0, all, 0, database.length);
        all[database.length] = mode;
        all[database.length + 1] = "--server.port=0";
        all[database.length + 2] = "--logging.level.root=warn";
        return all;
    }
}
