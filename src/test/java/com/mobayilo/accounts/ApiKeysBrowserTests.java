package com.mobayilo.accounts;

import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal API keys under Settings: shown once, usable on the API, listed, and revocable. */
class ApiKeysBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aKeyCreatedUnderSettingsIsShownOnceWorksAndCanBeRevoked(String language) {
        var user = TestUsers.individual(app, language);
        var person = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("settings");
        person.fill("apikeys.name", "Reporting script");
        person.click("apikeys.create");
        var shown = person.page().locator("#new-api-key input");
        assertThat(shown).hasValue(java.util.regex.Pattern.compile("^mby_[0-9a-f]{8}_.{43}$"));
        var secret = shown.inputValue();
        person.click("apikeys.close");

        assertThat(get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(200);
        var prefix = secret.substring(0, 12);
        assertThat(person.page().getByText(prefix + "_…")).isVisible();
        assertThat(person.page().getByText(secret)).hasCount(0);

        person.page().getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName(person.t("apikeys.revoke.named", "Reporting script"))).click();
        person.page().getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName(person.t("apikeys.revoke")).setExact(true)).click();
        assertThat(person.page().getByText(person.t("apikeys.revoked"), new com.microsoft.playwright.Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + secret).statusCode()).isEqualTo(401);
        Browser.screenshot(person.page(), "api-keys-" + language);
    }
}
