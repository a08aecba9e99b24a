package com.mobayilo.companies;

import java.time.Duration;
import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator, in French, finds the demo company, disables a seat and goes to its wallet. The disabled seat asks
 * for a sign-in link on the public page: the answer reads the same as before, and no mail leaves.
 */
class OperatorCompaniesBrowserTests {

    private static final String BEN = "ben@acme.test";

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
    void anOperatorDisablesASeatWhoThenGetsTheSameAnswerButNoLink() {
        var ben = Visitor.of(browser, app, "fr-FR");
        var before = app.mailsTo(BEN);
        requestLink(ben);
        await().atMost(Duration.ofSeconds(15)).until(() -> app.mailsTo(BEN) == before + 1);

        var operator = Visitor.of(browser, app, "fr-FR").signIn("ops@mobayilo.test", "ops-password-1").open("operator/companies");
        var page = operator.page();
        page.locator("#company-search input").fill("acme");
        page.locator("#operator-companies vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Acme Export")).first().click();
        var members = page.locator("#operator-company-members");
        assertThat(members).containsText(BEN);
        var fifty = Money.cents(5_000).format(Locale.FRANCE);
        assertThat(page.locator("#operator-company-wallet")).hasText(operator.t("operator.companies.wallet", fifty, fifty));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(operator.t("seats.disable") + " · Ben Okafor").setExact(true)).click();
        assertThat(page.getByText(operator.t("seats.disabled", "Ben Okafor"))).isVisible();
        Browser.screenshot(page, "operator-companies-fr-FR");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(operator.t("seats.enable") + " · Ben Okafor").setExact(true)))
                .isVisible();

        requestLink(ben);
        // The mail goes out asynchronously: give a wrongly sent one time to arrive before counting.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> app.mailsTo(BEN) == before + 1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(operator.t("operator.companies.adjust"))).click();
        page.waitForURL(url -> url.contains("operator/wallets"));
        assertThat(page.locator("#found-wallet")).hasText(operator.t("operator.wallets.found.company", "Amara Admin", "admin@acme.test", fifty, fifty));
    }

    private static void requestLink(Visitor seat) {
        seat.open("signin-link/request");
        seat.fill("signinlink.request.email", BEN);
        seat.click("signinlink.request.submit");
        assertThat(seat.page().locator("#signin-link-requested")).hasText(seat.t("login.notice.linkSent"));
    }
}
