package com.mobayilo.calls;

import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The dialer's states as a paying customer meets them (issue 17, section 1): what shows after hanging up early,
 * after a call and on the next one, how many minutes the credit and the caps really allow, and one vocabulary for
 * balance, held and available. Against the sandbox carrier, talk time 20 times faster than real time.
 */
class DialerStatesBrowserTests {

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
    void hangingUpWhileConnectingSaysNothingWasChargedAndTheDialerIsReadyAgain() {
        var caller = new Telephony(app).caller(500);
        var visitor = Visitor.of(browser, app, "en-US");
        Telephony.delayCarrier(visitor.page(), -1);
        visitor.signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 5678");
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.connecting"));
        visitor.click("dialer.hangup");
        // The simulated phone gives the carrier up to 5 s to name the call before it lets go of it.
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.CANCELED"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(12_000));
        assertThat(page.locator("#call-button")).isEnabled();
        assertThat(page.locator("#hangup-button")).isHidden();
    }

    @Test
    void afterACallTheTimerGoesAndTheNextBusyCallShowsNoCostWhileRecentsAndHistorySayAnsweredWithItsCost() {
        var caller = new Telephony(app).caller(500);
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 5678");
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        assertThat(page.locator("#call-timer")).isVisible();
        page.waitForFunction("() => /^0:[2-5][0-9]$/.test(document.querySelector('#call-timer').getAttribute('elapsed-text'))");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        assertThat(page.locator("#call-timer")).isHidden();
        // "Répondu, 0:41 · 0,22 $US": how long, and what it cost.
        // Playwright hands the pattern to JavaScript, which has no \\Q…\\E quoting.
        var answered = visitor.t("dialer.recent.answered", "DURATION", "COST").replace(".", "\\.")
                .replace("DURATION", "0:[2-5][0-9]").replace("COST", "0,22.\\$US");
        assertThat(page.locator("#recents")).containsText(Pattern.compile(answered));

        visitor.fill("dialer.number", "+243 81 234 0002");
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.BUSY"));
        assertThat(page.locator("#call-timer")).isHidden();
        assertThat(page.locator("#call-summary")).isEmpty();
        Browser.screenshot(page, "dialer-after-busy-fr");

        visitor.open("calls");
        var answeredRow = page.locator("#call-history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(visitor.t("history.status.COMPLETED")));
        assertThat(answeredRow.first()).isVisible();
        assertThat(page.locator("#call-history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(visitor.t("dialer.outcome.COMPLETED"))))
                .hasCount(0);
    }

    @Test
    void theMinutesSayWhatTheNewAccountCapAllowsAndWhyAndFollowTheCallsCost() {
        var caller = new Telephony(app).caller(1000);
        var visitor = Visitor.of(browser, app, "en-US").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 5678");
        var five = Money.cents(500).format(Locale.US);
        assertThat(page.locator("#dial-minutes")).hasText(visitor.t("dialer.reach.NEW_ACCOUNT_DAILY_CAP", 22, five, 7));
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        // The time left starts at what the dialer promised: 22 minutes.
        assertThat(page.locator("#call-timer")).isVisible();
        page.waitForFunction("() => /(21|22):[0-5][0-9]/.test(document.querySelector('#call-timer').shadowRoot.querySelector('#left').textContent)");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        // $5.00 a day less the $0.22 this call cost leaves 21 minutes at 22 credits.
        assertThat(page.locator("#dial-minutes")).hasText(visitor.t("dialer.reach.NEW_ACCOUNT_DAILY_CAP", 21, five, 7));
    }

    @Test
    void duringACallTheHeaderAndTheDialerAgreeOnWhatIsHeldAndWhatIsAvailable() {
        var caller = new Telephony(app).caller(1000);
        var visitor = Visitor.of(browser, app, "en-US").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        assertThat(page.locator(".header-balance-label")).hasText(visitor.t("header.balance"));
        assertThat(page.locator("#header-balance")).hasText("$10.00");
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance", "$10.00"));
        visitor.fill("dialer.number", "+243 81 234 5678");
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        // 22 minutes at 22 credits are held: the cap allows no more.
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance.holding", "$10.00", "$4.84", "$5.16"));
        assertThat(page.locator("#header-balance")).hasText("$5.16");
        Browser.screenshot(page, "dialer-held-and-available");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance", "$9.78"));
        assertThat(page.locator("#header-balance")).hasText("$9.78");
    }

    @Test
    void aCallerWithoutCreditIsShownWhereToAddSome() {
        User caller = new Telephony(app).caller(0);
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 5678");
        assertThat(page.locator("#dial-minutes")).containsText(visitor.t("dialer.credit.short"));
        assertThat(page.locator("#call-button")).isDisabled();
        page.locator("#dial-add-credit").click();
        page.waitForURL(url -> url.contains("/wallet"));
        assertThat(page.locator("#add-credit")).isVisible();
    }

    @Test
    void aPastedNumberWithItsCountryCodeLeavesNumbersWithoutOneReadInTheHomeCountry() {
        var caller = new Telephony(app).caller(500);
        var visitor = Visitor.of(browser, app, "en-US").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+33 6 12 34 56 78");
        assertThat(page.locator("#dial-quote")).containsText("+33 6 12 34 56 78");
        visitor.fill("dialer.number", "0812345678");
        // Still read in DR Congo, the caller's home country, as the picker says.
        assertThat(page.locator("#dial-quote")).containsText("+243 812 345 678");
        assertThat(page.locator("#dial-country input")).hasValue(java.util.regex.Pattern.compile(".*\\(\\+243\\)"));
    }
}
