package com.mobayilo.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The UI works under its Content-Security-Policy: Chromium refuses nothing it loads or runs (docs/decisions/0018-security-headers.md). */
class ContentSecurityPolicyBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void signingInAndCallingFromTheDialerBreaksNoRuleOfThePolicy() {
        var visitor = Visitor.of(browser, app, "en-US");
        List<String> violations = new CopyOnWriteArrayList<>();
        visitor.page().onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        visitor.signIn("demo@mobayilo.test", "demo-password-1");
        var page = visitor.page();
        var dialer = page.navigate(app.uiUrl() + "/call");
        assertThat(dialer.headers()).containsKey("content-security-policy");
        // a busy number: the browser still calls the sandbox carrier on the core, and the call costs nothing
        visitor.fill("dialer.number", "+243 81 234 0002");
        visitor.click("dialer.call");
        // The sandbox rings for a few real seconds before it reports busy: longer than the default wait on a busy machine.
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.BUSY"),
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(violations).isEmpty();
    }
}
