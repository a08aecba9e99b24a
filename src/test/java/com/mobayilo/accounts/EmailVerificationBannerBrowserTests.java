package com.mobayilo.accounts;

import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The "Confirm your email" reminder goes from every open tab once the email is confirmed in another. */
class EmailVerificationBannerBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void confirmingTheEmailInAnotherTabTakesTheBannerDownInThisOne() {
        var user = TestUsers.individual(app, "fr-FR");
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(user.email().value(), TestUsers.PASSWORD).open("call");
        var banner = visitor.page().locator("#verify-banner");
        assertThat(banner).containsText(visitor.t("banner.verify", user.email().value()));

        var otherTab = visitor.page().context().newPage();
        otherTab.navigate(app.linkMailedTo(user.email().value(), visitor.t("mail.verify.subject")));
        assertThat(otherTab.locator("body")).containsText(visitor.t("verify.done.title"));
        otherTab.close();

        assertThat(banner).isHidden();
    }
}
