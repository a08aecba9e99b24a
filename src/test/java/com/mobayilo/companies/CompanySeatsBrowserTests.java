package com.mobayilo.companies;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The demo company's admin manages seats in a real browser, and an invited seat joins from the mail. */
class CompanySeatsBrowserTests {

    private static final String ADMIN = "admin@acme.test";

    private static final String ADMIN_PASSWORD = "acme-password-1";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void anAdminInvitesASeatWithLimitsAndTheSeatJoinsFromTheMailWithoutAPassword() {
        var admin = Visitor.of(browser, app, "en-US").signIn(ADMIN, ADMIN_PASSWORD).open("company/seats");
        var email = "carla-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        admin.page().locator("#invite-seat").click();
        admin.fill("seats.field.email", email);
        admin.fill("seats.field.name", "Carla Mendes");
        admin.fill("seats.field.daily", "10");
        pickCountry(admin, "France");
        admin.click("seats.dialog.send");
        assertThat(admin.page().getByText(admin.t("seats.invited", email))).isVisible();
        var grid = admin.page().locator("#seats-grid");
        assertThat(grid.getByText(email)).isVisible();
        assertThat(grid.getByText(admin.t("seats.status.INVITED")).first()).isVisible();
        assertThat(grid.getByText("$10.00")).isVisible();
        Browser.screenshot(admin.page(), "company-seats-en-US");

        var seat = Visitor.of(browser, app, "en-US");
        app.linkMailedTo(email, seat.t("mail.seatInvite.subject"));
        seat.open("dev/mailbox");
        seat.page().locator("article").filter(new Locator.FilterOptions().setHasText(email)).first().getByRole(AriaRole.LINK).first().click();
        Browser.screenshot(seat.page(), "signin-link-en-US");
        seat.page().locator("#signin-link-continue").click();
        seat.page().waitForURL(url -> url.contains("/call"));
        assertThat(seat.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(seat.t("dialer.title")).setExact(true)))
                .isVisible();
    }

    @Test
    void aCapOutOfRangeIsExplainedUnderItsFieldInFrenchAndNothingTypedIsLost() {
        var admin = Visitor.of(browser, app, "fr-FR").signIn(ADMIN, ADMIN_PASSWORD).open("company/seats");
        admin.page().locator("#invite-seat").click();
        admin.fill("seats.field.email", "dora-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test");
        admin.fill("seats.field.name", "Dora Ilunga");
        admin.fill("seats.field.daily", "20000");
        admin.click("seats.dialog.send");
        assertThat(admin.page().getByText(admin.t("company.seat.cap.invalid", 10_000))).isVisible();
        assertThat(admin.page().getByLabel(admin.t("seats.field.name"), new Page.GetByLabelOptions().setExact(true))).hasValue("Dora Ilunga");
        Browser.screenshot(admin.page(), "company-seats-invalid-cap-fr-FR");
    }

    private static void pickCountry(Visitor visitor, String name) {
        visitor.fill("seats.field.countries", name);
        visitor.page().getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        visitor.page().keyboard().press("Escape");
    }
}
