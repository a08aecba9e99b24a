package com.mobayilo.ui;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialer's country picker in Chromium: searchable by name and calling code, with SVG flags named for screen
 * readers; and the installable app's manifest and offline page (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
 */
class CountryPickerBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final TestApp app = TestApp.shared();

    @Test
    void typingFraOffersFranceOnlyWithItsFlag() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        var page = visitor.page();
        page.locator("#dial-country input").fill("Fra");
        var items = page.getByRole(AriaRole.OPTION);
        assertThat(items).hasCount(1);
        assertThat(items.first()).hasText("France (+33)");
        var flag = items.first().locator("img.country-flag");
        assertThat(flag).hasAttribute("alt", "France");
        assertThat(flag).hasAttribute("src", Pattern.compile("flags/fr\\.svg$"));
        var svg = page.request().get(app.uiUrl() + "/flags/fr.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.headers().get("content-type")).startsWith("image/svg+xml");
        Browser.screenshot(page, "country-picker-fra");
    }

    @Test
    void aCallingCodeFindsDrCongoAndTheChosenFlagShowsInTheFieldInFrench() {
        var visitor = Visitor.onPhone(browser, app, "fr-FR").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        var page = visitor.page();
        page.locator("#dial-country input").fill("+243");
        var items = page.getByRole(AriaRole.OPTION);
        assertThat(items).hasCount(1);
        assertThat(items.first()).hasText("RD Congo (+243)");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("RD Congo (+243)")).tap();
        assertThat(page.locator("#dial-country input")).hasValue("RD Congo (+243)");
        assertThat(page.locator("#dial-country img.country-flag[slot='prefix']")).hasAttribute("alt", "RD Congo");
        page.locator("#dial-country input").fill("CD");
        assertThat(items).hasCount(1);
        assertThat(items.first()).hasText("RD Congo (+243)");
        Browser.screenshot(page, "country-picker-phone-fr");
    }

    @Test
    void theAppIsInstallableWithItsIconThemeColourAndAnOfflinePageInBothLanguages() {
        var visitor = Visitor.onPhone(browser, app, "fr-FR").open("login");
        var page = visitor.page();
        assertThat(page.locator("link[rel='manifest']")).hasCount(1);
        var manifest = page.request().get(app.uiUrl() + "/" + page.locator("link[rel='manifest']").getAttribute("href").replaceFirst("^\\./", ""));
        assertThat(manifest.status()).isEqualTo(200);
        var json = manifest.text();
        assertThat(json).contains("\"name\":\"Mobayilo\"").contains("\"theme_color\":\"#1a56db\"").contains("\"display\":\"standalone\"");
        assertThat(json).containsPattern("\"sizes\":\"512x512\"");
        var offline = page.request().get(app.uiUrl() + "/offline.html");
        assertThat(offline.status()).isEqualTo(200);
        assertThat(offline.text()).contains("Vous êtes hors ligne").contains("You are offline");
        page.navigate(app.uiUrl() + "/offline.html");
        assertThat(page.locator(".offline-message[lang='fr'] h1")).hasText("Vous êtes hors ligne");
        assertThat(page.locator(".offline-message[lang='en'] h1")).hasText("You are offline");
        Browser.screenshot(page, "offline-fr");
    }
}
