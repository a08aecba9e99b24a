package com.mobayilo.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.mobayilo.rating.PhoneNumber;
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
 * with Twilio. Talk time runs 20 times faster than real time (the carrier's simulation speed); ringing is real.
 */
class CallsBrowserTests {

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
    void theDemoUserCallsWatchesItRingAndConnectAndPaysTwoStartedMinutes() {
        var visitor = Visitor.of(browser, app, "en-US").signIn("demo@mobayilo.test", "demo-password-1").open("call");
        var page = visitor.page();
        assertThat(page.locator("#dial-caller-id")).containsText(visitor.t("dialer.callerid.default", PhoneNumber.parse("+15005550006", null).international()));
        visitor.fill("dialer.number", "+243 81 234 5678");
        assertThat(page.locator("#dial-quote")).containsText(visitor.t("rates.perminute", 22, Money.cents(22).format(Locale.US)));
        assertThat(page.locator("#dial-quote")).containsText(visitor.t("rates.minutes", 22));
        visitor.click("dialer.call");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.ringing"));
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        var timer = page.locator("#call-timer");
        assertThat(timer).isVisible();
        var early = timer.getAttribute("elapsed-text");
        // hang up at about 65 s of talk: the timer shows the carrier's simulated time
        page.waitForFunction("() => /^1:0[5-9]$/.test(document.querySelector('#call-timer').getAttribute('elapsed-text'))");
        assertThat(timer).not().hasAttribute("elapsed-text", early);
        Browser.screenshot(page, "dialer-in-call");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        assertThat(page.locator("#call-summary")).containsText("2 minutes × 22 credits = $0.44");
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance", "$4.56"));
        Browser.screenshot(page, "dialer-after-call");

        visitor.open("calls");
        var destination = PhoneNumber.parse("+243812345678", null).international();
        var row = page.locator("#call-history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(destination));
        assertThat(row.first()).isVisible();
        visitor.click("history.details.named", destination);
        assertThat(page.locator(".billing-explanation").first()).containsText("2 minutes × 22 credits = 44 credits ($0.44)");
        Browser.screenshot(page, "call-history");
        var download = page.waitForDownload(() -> page.locator("#history-export").click());
        var csv = readAll(download);
        assertThat(csv).startsWith("Time,Destination,Country,Status,Answered seconds,Billed minutes,Rate (cents per minute),Cost (cents)\r\n");
        assertThat(csv).containsPattern(",\\+243812345678,CD,COMPLETED,\\d+,2,22,44\r\n");
    }

    @Test
    void aNumberTypedInAnotherCountryIsSavedAsAContactAndCalledWithOneClick() {
        var phone = new Telephony(app);
        var caller = phone.caller(300);
        var visitor = Visitor.of(browser, app, "fr-FR").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        page.locator("#dial-country input").fill("France");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("France (+33)")).first().click();
        visitor.fill("dialer.number", "06 12 34 56 78");
        assertThat(page.locator("#dial-quote")).containsText("+33 6 12 34 56 78");
        visitor.click("contacts.offer");
        visitor.fill("contacts.name", "Amélie");
        visitor.click("contacts.save");
        assertThat(page.locator("#contacts")).containsText("Amélie");
        visitor.fill("dialer.number", "");
        Browser.screenshot(page, "dialer-contacts-fr");
        visitor.click("contacts.call", "Amélie");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        assertThat(page.locator("#recents")).containsText("+33 6 12 34 56 78");
    }

    private static String readAll(Download download) {
        try {
            return Files.readString(download.path());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
    void aLateRingingFromTheDeviceDoesNotHideTheOutcome() {
        var phone = new Telephony(app);
        var caller = phone.caller(300);
        var visitor = Visitor.of(browser, app, "en-US").signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        visitor.fill("dialer.number", "+243 81 234 0002");
        visitor.click("dialer.call");
        var status = page.locator("#call-status");
        assertThat(status).hasText(visitor.t("dialer.outcome.BUSY"));
        // the device and the webhooks report the call by two paths; replay the device's "ringing" arriving last
        page.evaluate("() => document.querySelector('mobayilo-phone').dispatchEvent("
                + "new CustomEvent('phone-state', {detail: {state: 'ringing'}, bubbles: true, composed: true}))");
        page.evaluate("() => new Promise(done => setTimeout(done, 500))");
        assertThat(status).hasText(visitor.t("dialer.outcome.BUSY"));
        assertThat(page.locator("#call-button")).isVisible();
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
