package com.mobayilo.companies;

import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Users;
import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The demo company's admin watches a seat's call live on the dashboard, then reads the month's usage. */
class CompanyDashboardBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void theAdminSeesASeatsCallTickLiveAndTheMonthsUsage() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("admin@acme.test", "acme-password-1").open("company");
        var page = visitor.page();
        var ana = page.locator(".seat-card[data-seat-email='ana@acme.test']");
        assertThat(ana.locator(".seat-state")).hasAttribute("data-state", "OFFLINE");
        assertThat(page.locator("#company-balance")).not().isEmpty();

        var phone = new Telephony(app);
        var seat = app.bean(Users.class).findByEmail(EmailAddress.of("ana@acme.test")).block();
        // Demo seats sign in by link and have not verified their email yet; calling needs it.
        app.bean(org.springframework.r2dbc.core.DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id")
                .bind("id", seat.id().value()).then().block();
        var sid = Telephony.newSid();
        var leg = Telephony.newSid();
        org.assertj.core.api.Assertions.assertThat(phone.voice(sid, seat, "+243812345678").body()).contains("<Dial");
        phone.status(sid, leg, "in-progress", null);
        assertThat(ana.locator(".seat-state")).hasAttribute("data-state", "ON_CALL");
        assertThat(ana.locator(".seat-cost")).containsText("$0.22");
        Browser.screenshot(page, "company-dashboard-on-call");

        phone.status(sid, leg, "completed", 61);
        assertThat(ana.locator(".seat-state")).not().hasAttribute("data-state", "ON_CALL");
        assertThat(ana.locator(".seat-spent-today")).containsText("$0.44");

        visitor.open("company/reports");
        assertThat(page.locator("#report-by-seat")).containsText("Ana Lima");
        assertThat(page.locator("mobayilo-spend-chart canvas")).isVisible();
        Browser.screenshot(page, "company-reports");
    }
}
