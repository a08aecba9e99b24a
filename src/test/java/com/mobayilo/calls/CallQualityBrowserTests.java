package com.mobayilo.calls;

import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call quality you can see (issue 17, section 3; docs/decisions/0026-call-quality.md), against the sandbox carrier's
 * test numbers: …0007 a weak network, …0008 a lost connection that comes back, …0009 a drop five seconds in. On a
 * desktop and a phone, in English and French.
 */
class CallQualityBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("--mobayilo.sandbox.carrier.speed=10", "--mobayilo.sandbox.carrier.ringing=PT1S");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWeakNetworkShowsAWarningWithATipThatClearsWhenTheNetworkRecovers() {
        var visitor = dialer(Visitor.of(browser, app, "en-US"));
        call(visitor, "+243 81 234 0007");
        var quality = visitor.page().locator("#call-quality");
        assertThat(quality).containsText(visitor.t("quality.weak"));
        assertThat(quality).containsText(visitor.t("quality.warning.high-packet-loss"));
        assertThat(quality).containsText("Your connection is weak: move closer to Wi\u2011Fi");
        assertThat(quality).hasAttribute("aria-live", "polite");
        Browser.screenshot(visitor.page(), "dialer-quality-warning-desktop");
        assertThat(quality).containsText(visitor.t("quality.cleared"));
        visitor.click("dialer.hangup");
    }

    @Test
    void enFrançaisSurUnTéléphoneLAvertissementEtSonConseilSontEnFrançais() {
        var visitor = dialer(Visitor.onPhone(browser, app, "fr-FR"));
        call(visitor, "+243 81 234 0007");
        var quality = visitor.page().locator("#call-quality");
        assertThat(quality).containsText(visitor.t("quality.weak"));
        assertThat(quality).containsText("Votre connexion est faible : rapprochez-vous du Wi\u2011Fi");
        Browser.screenshot(visitor.page(), "dialer-quality-warning-phone-fr");
        assertThat(quality).containsText(visitor.t("quality.cleared"));
        assertFitsTheScreen(visitor.page(), quality);
    }

    @Test
    void aLostConnectionIsShownAsReconnectingThenReconnected() {
        for (var visitor : new Visitor[] { dialer(Visitor.onPhone(browser, app, "en-US")), dialer(Visitor.of(browser, app, "fr-FR")) }) {
            call(visitor, "+243 81 234 0008");
            var quality = visitor.page().locator("#call-quality");
            assertThat(quality).containsText(visitor.t("quality.reconnecting"));
            assertThat(quality).containsText(visitor.t("quality.reconnected"));
            visitor.click("dialer.hangup");
            assertThat(visitor.page().locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));
        }
    }

    @Test
    void aCallTheNetworkDropsFiveSecondsInIsCreditedBackAndHistoryExplainsIt() {
        var visitor = dialer(Visitor.of(browser, app, "fr-FR"));
        var page = visitor.page();
        call(visitor, "+243 81 234 0009");
        assertThat(page.locator("#call-quality")).containsText(visitor.t("quality.dropped"), new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        // The credit-back is the server's: the balance comes back to 5,00 $US.
        assertThat(page.locator("#call-balance")).hasText(visitor.t("dialer.balance", Money.cents(500).format(Locale.FRANCE)),
                new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        visitor.open("calls");
        page.locator("#call-history vaadin-button").first().click();
        assertThat(page.locator(".billing-drop")).hasText(visitor.t("history.bill.drop.credited", Money.cents(22).format(Locale.FRANCE)));
        Browser.screenshot(page, "history-drop-credited-fr");
    }

    @Test
    void afterACallThatConnectedTheCallerRatesItAndOperatorsSeeTheRatingPerDestination() {
        var visitor = dialer(Visitor.onPhone(browser, app, "en-US"));
        var page = visitor.page();
        call(visitor, "+243 81 234 5678");
        visitor.click("dialer.hangup");
        var rating = page.locator("#call-rating");
        assertThat(rating).isVisible();
        visitor.click("callrating.star", 2);
        page.getByLabel(visitor.t("callrating.issue.echo")).check();
        page.getByLabel(visitor.t("callrating.issue.delay")).check();
        Browser.screenshot(page, "dialer-call-rating-phone");
        visitor.click("callrating.send");
        assertThat(page.locator("#call-rating-done")).hasText(visitor.t("callrating.thanks"));
        // What live mode sends to Twilio with call.postFeedback: the score and the first issue ticked, in Twilio's words.
        page.waitForFunction("() => document.querySelector('mobayilo-phone').lastCall?.feedback?.issue === 'echo'");
        assertThat(page.evaluate("() => document.querySelector('mobayilo-phone').lastCall.feedback.score")).isEqualTo(2);
        var stored = app.bean(DatabaseClient.class).sql("select score || ' ' || array_to_string(issues, ',') from call_ratings r join calls c on c.id = r.call_id "
                + "where c.destination = '+243812345678' order by r.created_at desc limit 1").map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).isEqualTo("2 delay,echo");

        for (var language : new String[] { "en-US", "fr-FR" }) {
            var operator = Visitor.of(browser, app, language).signIn("ops@mobayilo.test", "ops-password-1").open("operator/call-quality");
            var locale = Locale.forLanguageTag(language);
            var row = operator.page().locator("#call-quality-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText(CountryCode.of("CD").displayName(locale)));
            assertThat(row.first()).isVisible();
            assertThat(operator.page().locator("#call-quality-grid")).containsText(operator.t("callrating.issue.echo") + " 1");
            Browser.screenshot(operator.page(), "operator-call-quality-" + language);
        }
    }

    @Test
    void aCallThatNeverConnectedAsksForNoRatingAndSkippingClosesTheQuestion() {
        var visitor = dialer(Visitor.of(browser, app, "fr-FR"));
        var page = visitor.page();
        call(visitor, "+243 81 234 0002");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.BUSY"));
        assertThat(page.locator("#call-rating")).isHidden();
        call(visitor, "+243 81 234 5678");
        visitor.click("dialer.hangup");
        assertThat(page.locator("#call-rating")).isVisible();
        visitor.click("callrating.skip");
        assertThat(page.locator("#call-rating")).isHidden();
    }

    @Test
    void thePickersListTheMicrophoneWithALevelMeterAndHideTheSpeakerWhereTheBrowserCannotChooseIt() {
        var visitor = dialer(Visitor.of(browser, app, "en-US"));
        visitor.click("devices.open");
        var page = visitor.page();
        assertThat(page.locator("#devices-microphone")).isVisible();
        assertThat(page.locator("mobayilo-level-meter [role=meter]")).isVisible();
        // Chromium's fake microphone beeps: the meter moves.
        page.waitForFunction("() => Number(document.querySelector('mobayilo-level-meter').shadowRoot.querySelector('[role=meter]').getAttribute('aria-valuenow')) > 0");
        assertThat(page.locator("#devices-speaker")).isVisible();
        assertThat(page.locator("#devices-problem")).isHidden();
        Browser.screenshot(page, "dialer-device-pickers-desktop");

        var phone = Visitor.onPhone(browser, app, "fr-FR");
        phone.page().addInitScript("delete HTMLMediaElement.prototype.setSinkId;");
        dialer(phone).click("devices.open");
        assertThat(phone.page().locator("#devices-microphone")).isVisible();
        assertThat(phone.page().locator("#devices-speaker")).isHidden();
        Browser.screenshot(phone.page(), "dialer-device-pickers-phone-fr");
    }

    @Test
    void aBlockedMicrophoneIsExplainedWithHowToAllowIt() {
        for (var visitor : new Visitor[] { Visitor.of(browser, app, "en-US"), Visitor.onPhone(browser, app, "fr-FR") }) {
            visitor.page().addInitScript("""
                    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));""");
            dialer(visitor).click("devices.open");
            assertThat(visitor.page().locator("#devices-problem")).hasText(visitor.t("devices.microphone.denied"));
            assertThat(visitor.page().locator("#devices-microphone")).isHidden();
            visitor.click("check.start");
            assertThat(visitor.page().locator("#check-microphone")).hasText(visitor.t("devices.microphone.denied"));
        }
    }

    @Test
    void testingTheConnectionInTheSandboxShowsTheMicrophoneTheNetworkInWordsAndTheEdge() {
        for (var visitor : new Visitor[] { Visitor.of(browser, app, "fr-FR"), Visitor.onPhone(browser, app, "en-US") }) {
            dialer(visitor).click("check.start");
            var page = visitor.page();
            assertThat(page.locator("#check-microphone")).hasText(visitor.t("check.microphone.ok"));
            assertThat(page.locator("#check-network")).isVisible();
            assertThat(page.locator("#check-advice")).isVisible();
            assertThat(page.locator("#check-edge")).hasText(visitor.t("check.edge", "Frankfurt"));
            Browser.screenshot(page, "dialer-connection-check-" + page.viewportSize().width);
        }
    }

    @Test
    void aConnectionTestThatCannotReachTheNetworkSaysSoInTheReadersLanguage() {
        var visitor = Visitor.onPhone(browser, app, "fr-FR");
        visitor.page().addInitScript("""
                (() => {
                  const send = window.fetch.bind(window);
                  window.fetch = (url, options) => String(url).endsWith('/ping') ? Promise.reject(new TypeError('offline')) : send(url, options);
                })();""");
        dialer(visitor).click("check.start");
        assertThat(visitor.page().locator("#check-microphone")).hasText(visitor.t("check.microphone.ok"));
        assertThat(visitor.page().locator("#check-network")).hasText(visitor.t("check.failed"));
        assertThat(visitor.page().locator("#check-edge")).hasCount(0);
    }

    private static Visitor dialer(Visitor visitor) {
        var caller = new Telephony(app).caller(500);
        return visitor.signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
    }

    /** Dials {@code number} and waits until the callee answers (or the call ends before). */
    private static void call(Visitor visitor, String number) {
        visitor.fill("dialer.number", number);
        visitor.click("dialer.call");
        if (!number.endsWith("0002")) {
            assertThat(visitor.page().locator("#call-status")).hasText(visitor.t("dialer.state.incall"));
        }
    }

    /** The tip wraps within the phone's width rather than running off it. */
    private static void assertFitsTheScreen(Page page, Locator element) {
        assertThat(element.boundingBox().width).isLessThanOrEqualTo(page.viewportSize().width);
    }
}
