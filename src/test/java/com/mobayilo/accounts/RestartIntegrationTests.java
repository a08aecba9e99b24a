package com.mobayilo.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.mobayilo.Mobayilo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured, Mobayilo starts its own embedded PostgreSQL whose data folder survives a
 * restart: an account made before is there after.
 */
class RestartIntegrationTests {

    @TempDir
    Path home;

    @Test
    void anAccountSurvivesARestartOfTheEmbeddedDatabase() throws Exception {
        var dataDirectory = home.resolve("postgres");
        try (var first = start(dataDirectory)) {
            first.shared().getBean(Registration.class)
                    .signUp(new SignUp("survivor@example.com", "Survivor", "still-here-after-restart", "BE", Locale.FRENCH)).block();
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
        try (var second = start(dataDirectory)) {
            var principal = second.shared().getBean(SignIn.class).authenticate("survivor@example.com", "still-here-after-restart", "127.0.0.1").block();
            assertThat(principal.email()).isEqualTo("survivor@example.com");
        }
    }

    private static Mobayilo start(Path dataDirectory) {
        return Mobayilo.start("--mobayilo.database.embedded.data-dir=" + dataDirectory, "--mobayilo.ui.enabled=false",
                "--mobayilo.core.enabled=false", "--logging.level.root=warn");
    }
}
