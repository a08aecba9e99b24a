package com.mobayilo.calls;

import java.util.Locale;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialer end to end in Chromium, against the sandbox carrier: the same webhooks, holds and settlement as
 * with Twilio. Talk time runs 60 times faster than real time (the carrier's simulation speed); ringing is real.
 */
class CallsBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=60", "--mobayilo.sandbox.carrier.ringing=PT2S");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDemoUserCallsWatchesItRingAndConnectAndPaysTwoStartedMinutes() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 5678");
        assertThat(page.locator("#dial-quote")).containsText(visitor.t("rates.perminute", 22, Money.cents(22).format(Locale.US)));
        assertThat(page.locator("#dial-quote")).containsText(visitor.t("rates.minutes", 22));
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.ringing"));
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        var timer = page.locator("#call-timer");
        assertThat(timer).isVisible();
        var early = timer.getAttribute("elapsed-text");
        page.waitForTimeout(1_200);
        assertThat(timer).not().hasAttribute("elapsed-text", early);
        Browser.screenshot(page, "dialer-in-call");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        assertThat(page.locator("#call-summary")).containsText("2 minutes × 22 credits = $0.44");
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance", "$4.56"));
        Browser.screenshot(page, "dialer-after-call");
    }

    @Test
    void aBusyNumberSaysSoAndCostsNothing() {
        var phone = new Telephony(app);
        var caller = phone.caller(300);
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        visitor.fill("dialer.number", "+243 81 234 0002");
        visitor.click("dialer.call");
        assertThat(visitor.page().locator("#call-status")).hasText(visitor.t("dialer.outcome.BUSY"));
        assertThat(phone.balanceOf(caller).available()).isEqualTo(Money.cents(300));
        Browser.screenshot(visitor.page(), "dialer-busy-fr");
    }

    @Test
    void tooLittleCreditIsExplainedBeforeDialling() {
        var phone = new Telephony(app);
        var caller = phone.caller(10);
        var visitor = Visitor.of(browser, app, "en-US").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        visitor.fill("dialer.number", "0812345678");
        assertThat(visitor.page().locator("#dial-quote")).containsText(visitor.t("dialer.credit.short"));
        assertThat(visitor.page().locator("#call-button")).isDisabled();
    }
}
