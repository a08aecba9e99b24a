package com.mobayilo.accounts;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser whose web session is lost (its replica was replaced, scaled down or crashed: here the session cookie is
 * dropped, which is what the next replica sees) stays signed in, on the page it asked for, from the sign-in remembered
 * in PostgreSQL; every revocation still ends it (issue 19, docs/decisions/0038-sign-ins-that-survive-a-replica.md).
 */
class RememberedSignInBrowserTests {

    private static final String SIGN_IN = "MOBAYILO_SIGN_IN";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aBrowserWhoseSessionIsGoneIsStillSignedInOnThePageItAskedForWithANewToken(String language) {
        var user = TestUsers.individual(app, language);
        var visitor = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        assertThat(page.locator("#wallet-balance")).isVisible();
        var first = signInCookie(page.context());
        assertThat(first.httpOnly).isTrue();
        assertThat(first.expires).as("lasts as long as the browser session").isLessThan(0);

        loseTheSession(page);
        page.navigate(app.uiUrl() + "/wallet");
        assertThat(page).hasURL(app.uiUrl() + "/wallet");
        assertThat(page.locator("#wallet-balance")).isVisible();
        assertThat(signInCookie(page.context()).value).as("rotated at use").isNotEqualTo(first.value);

        // The new session carries on as usual: another view, with no further sign-in.
        visitor.open("calls");
        assertThat(page).hasURL(app.uiUrl() + "/calls");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aForgedTokenEndsTheSeriesSoACopiedCookieIsWorthNothingAfterwards(String language) {
        var user = TestUsers.individual(app, language);
        var visitor = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        var real = signInCookie(page.context());
        var series = real.value.split(":")[0];

        loseTheSession(page);
        setSignInCookie(page.context(), series + ":not-the-token");
        page.navigate(app.uiUrl() + "/wallet");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/login"));
        assertThat(series(user.id())).isZero();

        loseTheSession(page);
        setSignInCookie(page.context(), real.value);
        page.navigate(app.uiUrl() + "/wallet");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void aPasswordChangedElsewhereEndsTheRememberedSignIn(String language) {
        var user = TestUsers.individual(app, language);
        var visitor = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        app.bean(DatabaseClient.class).sql("update users set password_hash = password_hash || 'changed-elsewhere' where id = :id")
                .bind("id", user.id().value()).then().block();

        loseTheSession(page);
        page.navigate(app.uiUrl() + "/wallet");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/login"));
        assertThat(series(user.id())).isZero();
        assertThat(page.context().cookies()).noneMatch(cookie -> SIGN_IN.equals(cookie.name) && !cookie.value.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void signingOutEndsTheRememberedSignInOnThisBrowser(String language) {
        var user = TestUsers.individual(app, language);
        var visitor = Visitor.of(browser, app, language).signIn(user.email().value(), TestUsers.PASSWORD).open("wallet");
        var page = visitor.page();
        var remembered = signInCookie(page.context());
        assertThat(series(user.id())).isEqualTo(1);

        visitor.signOut(user.email().value());
        assertThat(series(user.id())).isZero();
        setSignInCookie(page.context(), remembered.value);
        page.navigate(app.uiUrl() + "/wallet");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/login"));
    }

    /**
     * What a replica that never saw this browser's session sees: no session cookie it knows. The page is left first, so
     * that no background request of the open view (push, heartbeat) signs in again with the cookie a test is about to
     * replace.
     */
    private static void loseTheSession(Page page) {
        page.navigate("about:blank");
        page.context().clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
    }

    private static Cookie signInCookie(BrowserContext context) {
        return context.cookies().stream().filter(cookie -> SIGN_IN.equals(cookie.name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + SIGN_IN + " cookie"));
    }

    private static void setSignInCookie(BrowserContext context, String value) {
        context.addCookies(List.of(new Cookie(SIGN_IN, value).setUrl(app.uiUrl())));
    }

    private static long series(UserId user) {
        return app.bean(DatabaseClient.class).sql("select count(*) from sign_in_tokens where user_id = :id").bind("id", user.value())
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
