package com.mobayilo.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.rating.PhoneNumber;
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
 * Mobayilo on a phone (390×844, touch), in French: the whole path of a newcomer, every view at 360 px without
 * sideways scrolling, the dialer's field and Call button on screen, and the account menu reachable by touch
 * (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
 */
class PhoneFirstBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=20", "--mobayilo.sandbox.carrier.ringing=PT2S");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNewcomerOnAPhoneSignsUpTopsUpCallsHangsUpReadsTheHistoryAndSignsOutInFrench() {
        var visitor = Visitor.onPhone(browser, app, "fr-FR");
        var page = visitor.page();
        var email = TestUsers.email();
        signUp(visitor, email);
        verifyEmail(visitor, email);
        topUp(visitor);
        call(visitor, "+243 81 234 5678");
        hangUp(visitor);
        visitor.open("calls");
        var card = page.locator("#call-history .grid-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(PhoneNumber.parse("+243812345678", null).international()));
        assertThat(card.first()).isVisible();
        assertThat(card.first()).containsText("RD Congo");
        assertNoSidewaysScroll(page);
        Browser.screenshot(page, "phone-history-fr");
        visitor.signOut(email);
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    @Test
    void theDialerKeepsTheNumberAndCallButtonOnScreenAndTheAccountMenuOpensByTouch() {
        var visitor = Visitor.onPhone(browser, app, "fr-FR").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        var page = visitor.page();
        page.locator("#dial-number input").tap();
        visitor.fill("dialer.number", "+33 6 12 34 56 78");
        assertThat(page.locator("#call-button")).isEnabled();
        assertInsideViewport(page, "#dial-number");
        assertInsideViewport(page, "#dial-country");
        assertInsideViewport(page, "#call-button");
        assertThat(page.evaluate("() => window.scrollX")).isEqualTo(0);
        assertNoSidewaysScroll(page);
        Browser.screenshot(page, "phone-dialer-fr");
        var desktop = Visitor.of(browser, app, "fr-FR").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        desktop.fill("dialer.number", "+33 6 12 34 56 78");
        assertThat(desktop.page().locator("#call-button")).isEnabled();
        Browser.screenshot(desktop.page(), "desktop-dialer-fr");

        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(visitor.t("menu.user", "demo@mobayilo.test"))).tap();
        var signOut = page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(visitor.t("menu.signout")));
        assertThat(signOut).isVisible();
        assertInsideViewport(page, signOut);
        Browser.screenshot(page, "phone-account-menu-fr");
        signOut.tap();
        page.waitForURL(url -> url.contains("/login"));
    }

    @Test
    void everyViewFitsA360PixelWideScreenWithoutScrollingSideways() {
        var tooWide = new ArrayList<String>();
        var visitor = Visitor.onPhone(browser, app, "fr-FR");
        visitor.page().setViewportSize(360, 800);
        checkAll(visitor, List.of("login", "signup", "signup/company", "forgot-password", "signin-link/request", "rates"), tooWide);
        visitor.signIn("demo@mobayilo.test", "demo-password-1");
        checkAll(visitor, List.of("call", "calls", "wallet", "settings", "caller-id", "rates"), tooWide);
        var admin = Visitor.onPhone(browser, app, "fr-FR");
        admin.page().setViewportSize(360, 800);
        admin.signIn("admin@acme.test", "acme-password-1");
        checkAll(admin, List.of("company", "company/seats", "company/reports", "wallet"), tooWide);
        var operator = Visitor.onPhone(browser, app, "fr-FR");
        operator.page().setViewportSize(360, 800);
        operator.signIn("ops@mobayilo.test", "ops-password-1");
        checkAll(operator, List.of("operator/companies", "operator/wallets", "operator/rates", "operator/policy", "operator/payments"), tooWide);
        assertThat(tooWide).as("views wider than a 360 px screen").isEmpty();
    }

    private static void checkAll(Visitor visitor, List<String> paths, List<String> tooWide) {
        for (var path : paths) {
            visitor.open(path);
            var page = visitor.page();
            page.locator("vaadin-app-layout, .public-page").first().waitFor();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            try {
                page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth", null,
                        new Page.WaitForFunctionOptions().setTimeout(5_000));
            }
            catch (PlaywrightException ex) {
                tooWide.add(path + " (" + page.evaluate("() => document.documentElement.scrollWidth") + " px)");
            }
            Browser.screenshot(page, "phone-360-" + path.replace('/', '-'));
        }
    }

    private static void signUp(Visitor visitor, String email) {
        var page = visitor.open("signup").page();
        visitor.fill("signup.email", email);
        visitor.fill("signup.name", "Amani Kabila");
        page.getByLabel(visitor.t("signup.password"), new Page.GetByLabelOptions().setExact(true)).fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(visitor.t("signup.country"))).fill("RD");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("RD Congo").setExact(true)).tap();
        assertNoSidewaysScroll(page);
        Browser.screenshot(page, "phone-signup-fr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t("signup.submit"))).tap();
        assertThat(page.getByText(visitor.t("banner.verify", email)).first()).isVisible();
    }

    private static void verifyEmail(Visitor visitor, String email) {
        var page = visitor.page();
        page.navigate(app.linkMailedTo(email, visitor.t("mail.verify.subject")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t("verify.continue"))).tap();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(visitor.t("dialer.title")).setExact(true))).isVisible();
    }

    private static void topUp(Visitor visitor) {
        var page = visitor.open("wallet").page();
        page.locator(".topup-pack").first().tap();
        page.waitForURL(url -> url.contains("/sandbox/checkout/"));
        visitor.fill("topup.sandbox.card.number", "4242 4242 4242 4242");
        visitor.fill("topup.sandbox.card.expiry", "12/34");
        visitor.fill("topup.sandbox.card.cvc", "123");
        visitor.fill("topup.sandbox.card.name", "Amani Kabila");
        assertNoSidewaysScroll(page);
        Browser.screenshot(page, "phone-checkout-fr");
        var pay = visitor.t("topup.sandbox.pay", "").strip();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^" + pay + " "))).tap();
        page.waitForURL(url -> url.contains("/wallet/top-up/"));
        assertThat(page.locator("#topup-status")).containsText("crédits");
        assertNoSidewaysScroll(page);
    }

    private static void call(Visitor visitor, String number) {
        var page = visitor.open("call").page();
        visitor.fill("dialer.number", number);
        assertThat(page.locator("#call-button")).isEnabled();
        assertInsideViewport(page, "#call-button");
        page.locator("#call-button").tap();
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        assertInsideViewport(page, "#hangup-button");
        assertNoSidewaysScroll(page);
        Browser.screenshot(page, "phone-in-call-fr");
    }

    private static void hangUp(Visitor visitor) {
        var page = visitor.page();
        page.locator("#hangup-button").tap();
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
    }

    private static void assertNoSidewaysScroll(Page page) {
        page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Integer) page.evaluate("() => window.innerWidth"));
    }

    private static void assertInsideViewport(Page page, String selector) {
        assertInsideViewport(page, page.locator(selector));
    }

    private static void assertInsideViewport(Page page, com.microsoft.playwright.Locator element) {
        element.scrollIntoViewIfNeeded();
        var box = element.boundingBox();
        var width = ((Number) page.evaluate("() => window.innerWidth")).doubleValue();
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(width);
    }
}
