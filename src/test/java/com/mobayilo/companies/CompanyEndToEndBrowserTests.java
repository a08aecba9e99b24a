package com.mobayilo.companies;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The whole company flow in two Chromium contexts against the sandbox carrier: the demo admin invites a seat, the
 * seat signs in from the dev mailbox and calls, and the admin's dashboard follows the call live (ringing, then a
 * ticking timer with its running cost), then shows the spend and the company's balance after hang-up. Talk time
 * runs 20 times faster than real time; ringing lasts a real 3 s so the dashboard can be seen ringing.
 */
class CompanyEndToEndBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=20", "--mobayilo.sandbox.carrier.ringing=PT3S");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anInvitedSeatsCallIsFollowedLiveOnTheAdminsDashboardWithItsCostAndTheBalanceFollowsAfterHangUp() {
        var admin = Visitor.of(browser, app, "en-US").signIn("admin@acme.test", "acme-password-1").open("company/seats");
        var email = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        invite(admin, email, "Eve Kabila");

        var seat = Visitor.of(browser, app, "en-US");
        app.linkMailedTo(email, seat.t("mail.seatInvite.subject"));
        seat.open("dev/mailbox");
        seat.page().locator("article").filter(new Locator.FilterOptions().setHasText(email)).first().getByRole(AriaRole.LINK).first().click();
        seat.page().locator("#signin-link-continue").click();
        seat.page().waitForURL(url -> url.contains("/call"));

        admin.open("company");
        var dashboard = admin.page();
        var card = dashboard.locator(".seat-card[data-seat-email='" + email + "']");
        var state = card.locator(".seat-state");
        // The seat's dialer holds the live stream open, which is what "online" means.
        assertThat(state).hasAttribute("data-state", "IDLE");
        assertThat(dashboard.locator("#company-balance")).hasText("$50.00");

        seat.fill("dialer.number", "+243 81 234 5678");
        seat.click("dialer.call");
        assertThat(state).hasAttribute("data-state", "RINGING");
        assertThat(card.locator(".seat-call-number")).containsText("5 678");
        assertThat(card.locator(".seat-call-number")).not().containsText("81 234");
        Browser.screenshot(dashboard, "company-e2e-ringing");

        assertThat(state).hasAttribute("data-state", "ON_CALL");
        var timer = card.locator(".seat-cost");
        assertThat(timer).containsText("$0.22");
        Browser.screenshot(dashboard, "company-e2e-on-call");
        // Into the second started minute the running cost is two minutes at 22 credits; hang up straight away so
        // the call is billed two minutes.
        dashboard.waitForFunction("email => { const timer = document.querySelector(`.seat-card[data-seat-email='${email}'] .seat-cost`);"
                + " return /^1:0[0-9]$/.test(timer.getAttribute('elapsed-text')) && timer.shadowRoot.textContent.includes('$0.44'); }", email);
        seat.click("dialer.hangup");

        assertThat(seat.page().locator("#call-status")).hasText(seat.t("dialer.outcome.COMPLETED"));
        assertThat(state).hasAttribute("data-state", "IDLE");
        assertThat(card.locator(".seat-spent-today")).containsText("$0.44");
        assertThat(dashboard.locator("#company-balance")).hasText("$49.56");
        assertThat(dashboard.locator("#company-available")).hasText("$49.56");
        Browser.screenshot(dashboard, "company-e2e-after-call");
    }

    private static void invite(Visitor admin, String email, String name) {
        admin.page().locator("#invite-seat").click();
        admin.fill("seats.field.email", email);
        admin.fill("seats.field.name", name);
        admin.fill("seats.field.daily", "10");
        admin.click("seats.dialog.send");
        assertThat(admin.page().getByText(admin.t("seats.invited", email))).isVisible();
        assertThat(admin.page().locator("#seats-grid").getByText(email)).isVisible();
        assertThat(admin.page().getByRole(AriaRole.DIALOG)).hasCount(0);
        Browser.screenshot(admin.page(), "company-e2e-invited");
    }
}
