package com.mobayilo.bench;

import java.util.ArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.Visitor;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.tomcat.TomcatWebServer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * P6 (the dialer): how soon the dialer can be used in headless Chromium, and how big a signed-in dialer's
 * session is. Baseline in the same run: the public sign-in page, in the same browser context and with the same
 * warm cache. Each run is a fresh browser context (a new person), whose first sign-in page load warms the cache
 * and is not timed.
 */
class DialerPageBenchmark {

    private static final int RUNS = 10;

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void dialerInteractiveAndSessionSize() throws Exception {
        try (var app = TestApp.start()) {
            var dialer = new ArrayList<Double>();
            var login = new ArrayList<Double>();
            var dialerSession = new ArrayList<Double>();
            var loginSession = new ArrayList<Double>();
            var leftOut = new java.util.TreeSet<String>();
            for (int run = 0; run <= RUNS; run++) {
                var visitor = Visitor.of(browser, app, "en-US").open("login");
                var page = visitor.page();
                page.navigate("about:blank");
                var loginMillis = timed(page, app.uiUrl() + "/login", () -> loginReady(visitor));
                var anonymous = session(app, page);
                visitor.signIn("demo@mobayilo.test", "demo-password-1");
                page.navigate("about:blank");
                var dialerMillis = timed(page, app.uiUrl() + "/call", () -> dialerReady(visitor));
                Thread.sleep(1000);
                var signedIn = session(app, page);
                page.context().close();
                if (run == 0) {
                    continue; // the first run also warms the server's caches and the JIT
                }
                login.add(loginMillis);
                dialer.add(dialerMillis);
                loginSession.add(anonymous.bytes() / 1024.0);
                dialerSession.add(signedIn.bytes() / 1024.0);
                leftOut.addAll(signedIn.leftOut());
            }
            BenchmarkReport.write("dialer-page", """
                    ## P6: the dialer interactive, and its session size

                    Command: `./mvnw -Pbench verify -Dit.test=DialerPageBenchmark`. Headless Chromium (Playwright, `/usr/bin/chromium`), %d runs
                    after one discarded, each in a fresh browser context whose first `/login` load warms the cache; median (min–max).
                    Interactive: from the call that starts the navigation to the page being usable, as Playwright sees it (polling, so
                    a few milliseconds late): on `/call` (signed in as `demo@mobayilo.test`) the number field enabled and the call button
                    present; on `/login` the email field enabled and the sign-in button visible. Session: the user's HTTP session (found
                    by its cookie in Tomcat's session manager), every attribute written with Java serialization, one second after the
                    page was ready, with the `VaadinSession` locked; what cannot be serialized is written as a short marker and not
                    counted: mostly Spring beans, lambdas and Reactor subscriptions the views hold (which a session-replication kit
                    re-injects or re-opens), but also a few small value records (`User`, `UserId`, `CountryCode`), which are real state.

                    | measure | dialer `/call`, signed in | baseline: `/login`, anonymous | goal |
                    |---|---|---|---|
                    | navigation → interactive | %s ms | %s ms | ≤ 2 s |
                    | serialized HTTP session | %s KB | %s KB | ≤ 200 KB |

                    Dialer / sign-in page: %.2f (time), %.1f (session). Left out of the dialer's session as not serializable: %s.
                    """.formatted(RUNS, BenchmarkReport.spread(dialer, "%.0f"), BenchmarkReport.spread(login, "%.0f"),
                    BenchmarkReport.spread(dialerSession, "%.1f"), BenchmarkReport.spread(loginSession, "%.1f"),
                    BenchmarkReport.median(dialer) / BenchmarkReport.median(login), BenchmarkReport.median(dialerSession) / BenchmarkReport.median(loginSession),
                    leftOut.isEmpty() ? "nothing" : String.join(", ", leftOut.stream().map(name -> "`" + name + "`").toList())));
            assertThat(dialer).hasSize(RUNS);
        }
    }

    /** Milliseconds from asking for the page to {@code ready} returning. */
    private static double timed(Page page, String url, Runnable ready) {
        var started = System.nanoTime();
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        ready.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void loginReady(Visitor visitor) {
        var page = visitor.page();
        assertThat(page.getByLabel(visitor.t("login.email"))).isEnabled();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(visitor.t("login.submit"))).waitFor();
    }

    private static void dialerReady(Visitor visitor) {
        var page = visitor.page();
        assertThat(page.getByLabel(visitor.t("dialer.number"), new Page.GetByLabelOptions().setExact(true))).isEnabled();
        page.locator("#call-button").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }

    private static SessionSize session(TestApp app, Page page) throws Exception {
        var tomcat = ((TomcatWebServer) app.uiServer()).getTomcat();
        var context = (Context) tomcat.getHost().findChildren()[0];
        for (var cookie : page.context().cookies()) {
            var session = context.getManager().findSession(cookie.value);
            if (session != null) {
                return SessionSize.of(session.getSession());
            }
        }
        throw new AssertionError("No session of this browser on the UI server");
    }
}
