package com.mobayilo.ui;

import java.util.Locale;
import java.util.stream.Stream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.calls.Telephony;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Axe;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import com.mobayilo.ui.Tour.Screen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A whole call with the keyboard only: Tab to the number, type it, Tab to Call and press Space, Tab to Hang up
 * and press Space. Each control shows a focus ring when reached, and what changes by itself (the call's status,
 * its cost, the balance after it) is in a live region a screen reader announces (issue 17, section 4).
 */
class KeyboardCallBrowserTests {

    private static final int MOST_TABS = 60;

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    static Stream<Arguments> everyLanguageAndScreen() {
        return Stream.of("en-US", "fr-FR").flatMap(language -> Stream.of(Screen.values()).map(screen -> Arguments.of(language, screen)));
    }

    @ParameterizedTest(name = "{0} on a {1}")
    @MethodSource("everyLanguageAndScreen")
    void aPersonCallsAndHangsUpWithTheKeyboardOnlyAndHearsEveryChange(String language, Screen screen) {
        var caller = new Telephony(app).caller(1_000);
        var visitor = (screen == Screen.PHONE ? Visitor.onPhone(browser, app, language) : Visitor.of(browser, app, language))
                .signIn(caller.email().value(), TestUsers.PASSWORD).open("call");
        var page = visitor.page();
        Tour.settle(page);

        var number = page.getByLabel(visitor.t("dialer.number"), new Page.GetByLabelOptions().setExact(true));
        tabTo(page, number);
        page.keyboard().type("+243812345678");
        var price = Money.cents(22).format(Locale.forLanguageTag(language.substring(0, 2)));
        assertThat(page.locator("#dial-quote")).containsText(visitor.t("rates.perminute", 22, price));

        var call = button(visitor, "dialer.call");
        tabTo(page, call);
        assertShowsFocusRing(call);
        page.keyboard().press("Space");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.state.incall"));

        var hangUp = button(visitor, "dialer.hangup");
        tabTo(page, hangUp);
        assertShowsFocusRing(hangUp);
        Browser.screenshot(page, "keyboard-call-" + language + "-" + screen);
        page.keyboard().press("Space");
        assertThat(page.locator("#call-status")).hasText(visitor.t("dialer.outcome.COMPLETED"));

        for (var live : new String[] { "#call-status", "#dial-quote", "#call-summary", "#call-balance" }) {
            assertThat(page.locator(live)).hasAttribute("role", "status");
        }
        assertThat(page.locator("#call-balance")).not().isEmpty();
        Axe.assertNoBlockingViolations(page, "the dialer after a call");
    }

    private static Locator button(Visitor visitor, String key) {
        return visitor.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t(key)).setExact(true));
    }

    /** Presses Tab until {@code target} has the keyboard focus, as a person would, and fails if it never does. */
    private static void tabTo(Page page, Locator target) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (hasFocus(target)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        if (!hasFocus(target)) {
            throw new AssertionError("Tab never reached " + target + " in " + MOST_TABS + " presses");
        }
    }

    private static boolean hasFocus(Locator target) {
        return target.count() == 1 && target.isVisible() && (Boolean) target.evaluate("element => element.matches(':focus')");
    }

    /** Vaadin buttons draw their ring when focused from the keyboard, which they mark with focus-ring. */
    private static void assertShowsFocusRing(Locator button) {
        assertThat(button).hasAttribute("focus-ring", "");
        var ring = (String) button.evaluate("element => { const style = getComputedStyle(element); return style.outlineStyle + ' ' + style.boxShadow; }");
        if (ring.startsWith("none none")) {
            throw new AssertionError("No visible focus ring on " + button + ": " + ring);
        }
    }
}
