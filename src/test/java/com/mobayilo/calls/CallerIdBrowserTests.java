package com.mobayilo.calls;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Users;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caller ID end to end in Chromium, against the sandbox carrier: the code shown on the page is typed on the
 * sandbox's ringing phone, the carrier posts the signed callback to the core, and the page turns by itself.
 */
class CallerIdBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDemoUserTypesTheCodeOnTheRingingPhoneAndSeesVerifiedLive() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("caller-id");
        var page = visitor.page();
        // tall enough for the whole page in the screenshots: the layout scrolls its content, not the page
        page.setViewportSize(1280, 1400);
        assertThat(status(page)).hasText(visitor.t("callerid.status.DEFAULT"));
        Browser.screenshot(page, "caller-id-default");

        visitor.fill("callerid.number", "+1 415 555 2671");
        visitor.click("callerid.verify");
        assertThat(status(page)).hasText(visitor.t("callerid.status.PENDING"));
        var code = shownCode(page);
        assertThat(sandboxPhone(visitor)).isVisible();
        Browser.screenshot(page, "caller-id-code");

        visitor.fill("callerid.sandbox.digits", code);
        visitor.click("callerid.sandbox.send");
        assertThat(status(page)).hasText(visitor.t("callerid.status.VERIFIED"));
        assertThat(page.locator("#callerid-number")).hasText("+1 415-555-2671");
        assertThat(page.locator("#callerid-code-panel")).isHidden();
        assertThat(sandboxPhone(visitor)).isHidden();
        Browser.screenshot(page, "caller-id-verified");

        var demo = app.bean(Users.class).findByEmail(EmailAddress.of("demo@mobayilo.test")).block();
        assertThat(new Telephony(app).callerIdOfNextCall(demo)).isEqualTo("+14155552671");

        visitor.click("callerid.remove");
        assertThat(status(page)).hasText(visitor.t("callerid.status.DEFAULT"));
    }

    @Test
    void aWrongCodeFailsAndCanBeTriedAgainInFrench() {
        var person = new Telephony(app).caller(0);
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(person.email().value(), TestUsers.PASSWORD).open("caller-id");
        var page = visitor.page();
        page.setViewportSize(1280, 1400);
        visitor.fill("callerid.number", "081 234 5678");
        visitor.click("callerid.verify");
        var code = shownCode(page);
        assertThat(page.locator("#callerid-code-panel")).containsText("+243 812 345 678");

        visitor.fill("callerid.sandbox.digits", "000000".equals(code) ? "111111" : "000000");
        visitor.click("callerid.sandbox.send");
        assertThat(status(page)).hasText(visitor.t("callerid.status.FAILED"));
        assertThat(page.locator("#callerid-explanation")).hasText(visitor.t("callerid.explain.FAILED"));
        Browser.screenshot(page, "caller-id-failed-fr");

        visitor.click("callerid.retry");
        assertThat(status(page)).hasText(visitor.t("callerid.status.PENDING"));
        assertThat(sandboxPhone(visitor)).isVisible();
        assertThat(shownCode(page)).hasSize(6);
    }

    @Test
    void anInvalidNumberIsExplainedUnderTheField() {
        var person = new Telephony(app).caller(0);
        var visitor = Visitor.of(browser, app, "en-US").signIn(person.email().value(), TestUsers.PASSWORD).open("caller-id");
        visitor.fill("callerid.number", "+243 81");
        visitor.click("callerid.verify");
        assertThat(visitor.page().getByText(visitor.t("rating.number.TOO_SHORT"))).isVisible();
        assertThat(status(visitor.page())).hasText(visitor.t("callerid.status.DEFAULT"));
    }

    private static Locator status(Page page) {
        return page.locator("#callerid-status");
    }

    private static String shownCode(Page page) {
        var code = page.locator("#callerid-code");
        assertThat(code).hasText(Pattern.compile("^\\d{6}$"));
        return code.textContent().strip();
    }

    private static Locator sandboxPhone(Visitor visitor) {
        return visitor.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(visitor.t("callerid.sandbox.title")));
    }
}
