package com.mobayilo.database;

import java.nio.file.Path;
import java.time.Duration;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.OwnPostgres;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person moves around the app while the database is frozen (SIGSTOP: it answers nothing). They are told the
 * service is temporarily unavailable, in their language, within seconds instead of looking at a page that never loads;
 * once the database is back, "Try again" brings the page they wanted (issue 18, section 3).
 */
class DatabaseFreezeBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path data;

    private static OwnPostgres postgres;

    private static TestApp app;

    @BeforeAll
    static void start() {
        postgres = new OwnPostgres(data);
        app = TestApp.on(postgres.arguments());
    }

    @AfterAll
    static void stop() {
        app.close();
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aPersonIsToldTheServiceIsTemporarilyUnavailableWhileTheDatabaseIsFrozenAndTryAgainWorksAfterwards(String language) {
        var user = TestUsers.individual(app, language);
        var visitor = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        assertThat(page.locator("#wallet-balance")).isVisible();

        var unavailable = page.getByText(visitor.t("unavailable.message")).first();
        try (var frozen = postgres.freeze()) {
            assertThat(frozen.processes()).isGreaterThan(1);
            var started = System.nanoTime();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(visitor.t("nav.calls"))).first().click();
            assertThat(unavailable).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
            var took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Frozen database: told 'temporarily unavailable' after %d ms (%s)%n", took.toMillis(), language);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(page.content()).doesNotContain("Exception").doesNotContain("at com.mobayilo");
            Browser.screenshot(page, "database-frozen-" + language);
        }

        // The message itself says "please try again": the link is the one to press.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(visitor.t("unavailable.retry")).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(visitor.t("history.title"))).first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(unavailable).isHidden();
    }
}
