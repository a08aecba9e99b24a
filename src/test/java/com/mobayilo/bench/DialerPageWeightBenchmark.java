package com.mobayilo.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P6 (the dialer's weight): what a phone downloads the first time it opens the dialer, and how soon the dialer can
 * be used, beside the public sign-in page loaded the same way in the same run (docs/decisions/0029-page-weight-budget.md).
 * Each load is a fresh phone (Browser.phone: 390×844, touch) with nothing in its cache; the dialer's phone carries
 * the session cookies of a sign-in made on another phone just before, so the sign-in's downloads are not in its cache.
 */
class DialerPageWeightBenchmark {

    private static final int RUNS = 7;

    private static final int LARGEST = 12;

    /** A measurement, not a check: on a loaded machine a cold page may take longer than an assertion's 5 s. */
    private static final LocatorAssertions.IsEnabledOptions USABLE_WITHIN = new LocatorAssertions.IsEnabledOptions().setTimeout(20_000);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void dialerOnAPhoneWithAColdCache() {
        try (var app = TestApp.start()) {
            var dialer = new ArrayList<PageLoad>();
            var login = new ArrayList<PageLoad>();
            for (int run = 0; run <= RUNS; run++) {
                var loginLoad = loadSignInPage(app);
                var dialerLoad = loadDialer(app);
                if (run == 0) {
                    continue; // the first run also warms the server's caches and the JIT
                }
                login.add(loginLoad);
                dialer.add(dialerLoad);
            }
            BenchmarkReport.write("dialer-weight", report(dialer, login));
            assertThat(dialer).hasSize(RUNS).allSatisfy(load -> assertThat(load.requests()).isPositive());
        }
    }

    private static PageLoad loadSignInPage(TestApp app) {
        var visitor = Visitor.onPhone(browser, app, "fr-FR");
        var load = PageLoad.of(visitor.page(), app.uiUrl() + "/login", () -> signInUsable(visitor));
        visitor.page().context().close();
        return load;
    }

    private static PageLoad loadDialer(TestApp app) {
        var signingIn = Visitor.onPhone(browser, app, "fr-FR").signIn("demo@mobayilo.test", "demo-password-1");
        var cookies = signingIn.page().context().cookies();
        signingIn.page().context().close();
        var caller = Visitor.onPhone(browser, app, "fr-FR");
        caller.page().context().addCookies(cookies);
        try {
            return PageLoad.of(caller.page(), app.uiUrl() + "/call", () -> dialerUsable(caller));
        } catch (AssertionError | PlaywrightException notUsable) {
            // A measurement that fails should say what the phone showed instead of the dialer.
            Browser.screenshot(caller.page(), "dialer-weight-not-usable");
            throw new AssertionError("The dialer was not usable; the phone showed " + caller.page().url(), notUsable);
        } finally {
            caller.page().context().close();
        }
    }

    private static void signInUsable(Visitor visitor) {
        var page = visitor.page();
        assertThat(page.getByLabel(visitor.t("login.email"))).isEnabled(USABLE_WITHIN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t("login.submit"))).waitFor();
    }

    private static void dialerUsable(Visitor visitor) {
        var page = visitor.page();
        assertThat(page.getByLabel(visitor.t("dialer.number"), new Page.GetByLabelOptions().setExact(true))).isEnabled(USABLE_WITHIN);
        page.locator("#call-button").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
    }

    private static String report(List<PageLoad> dialer, List<PageLoad> login) {
        var typical = dialer.stream().sorted(Comparator.comparingDouble(PageLoad::kibibytes)).toList().get(dialer.size() / 2);
        return """
                ## P6: the dialer's weight on a phone, cold cache

                Command: `./mvnw -Pbench verify -Dit.test=DialerPageWeightBenchmark`. Headless Chromium (Playwright, `/usr/bin/chromium`)
                as a phone (390×844, touch, `fr-FR`), %d runs after one discarded; median (min–max). Every load is a fresh browser
                context with its cache cleared and disabled (DevTools protocol), so everything is downloaded as on a first visit. The
                dialer `/call` is opened signed in as `demo@mobayilo.test`, with the session cookies of a sign-in made in another
                context. Requests and bytes: everything the page asked for until the network was quiet (500 ms with no request in
                flight), bytes as transferred (Chromium's `encodedDataLength`: headers and body, after compression). Usable: from
                the navigation's start to the number field enabled and the call button visible (on `/login`: the email field enabled
                and the sign-in button present).

                | measure | dialer `/call`, signed in | baseline: `/login`, anonymous | goal (dialer) |
                |---|---|---|---|
                | requests | %s | %s | — |
                | transferred | %s KiB | %s KiB | ≤ 400 KiB |
                | navigation → usable | %s ms | %s ms | ≤ 1 s |

                Dialer / sign-in page: %.2f (bytes), %.2f (time). The dialer's %d largest responses in its median-weight run
                (%.0f KiB in %d requests):

                | response | type | compression | KiB |
                |---|---|---|---|
                %s
                """.formatted(dialer.size(),
                spread(dialer, load -> load.requests(), "%.0f"), spread(login, load -> load.requests(), "%.0f"),
                spread(dialer, PageLoad::kibibytes, "%.0f"), spread(login, PageLoad::kibibytes, "%.0f"),
                spread(dialer, PageLoad::millisToUsable, "%.0f"), spread(login, PageLoad::millisToUsable, "%.0f"),
                median(dialer, PageLoad::kibibytes) / median(login, PageLoad::kibibytes),
                median(dialer, PageLoad::millisToUsable) / median(login, PageLoad::millisToUsable),
                LARGEST, typical.kibibytes(), typical.requests(),
                typical.responses().stream().limit(LARGEST).map(DialerPageWeightBenchmark::row).collect(Collectors.joining("\n")));
    }

    private static String row(PageLoad.Response response) {
        var name = response.path().substring(response.path().lastIndexOf('/') + 1);
        // Vite names lazy chunks after a 64-digit hash; its first digits are enough to tell them apart.
        name = name.replaceAll("([0-9a-f]{8})[0-9a-f]{56}", "$1…");
        return String.format(Locale.ROOT, "| `%s` | %s | %s | %.1f |", name.isEmpty() ? response.path() : name, response.type(),
                response.encoding(), response.bytes() / 1024.0);
    }

    private static String spread(List<PageLoad> loads, ToDoubleFunction<PageLoad> measure, String format) {
        return BenchmarkReport.spread(loads.stream().map(load -> measure.applyAsDouble(load)).toList(), format);
    }

    private static double median(List<PageLoad> loads, ToDoubleFunction<PageLoad> measure) {
        return BenchmarkReport.median(loads.stream().map(load -> measure.applyAsDouble(load)).toList());
    }
}
