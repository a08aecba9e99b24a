package com.mobayilo.accounts;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.Texts;
import com.mobayilo.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A newcomer's first minutes, in a real browser, in English and in French. */
class AccountsBrowserTests {

    private static final String PASSWORD = "correct-horse-battery";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static TestApp app;

    private Page page;

    private Texts texts;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void newcomerSignsUpVerifiesEmailSignsOutAndSignsInAgain(String language) {
        visit(language);
        var email = newEmail();
        signUp(email, "Amani Kabila", PASSWORD, countryName("CD"));
        assertThat(page.getByText(texts.t("banner.verify", email)).first()).isVisible();
        openVerificationMail(email);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(texts.t("verify.done.title")))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t("verify.continue"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(texts.t("dialer.title")).setExact(true))).isVisible();
        page.navigate(app.uiUrl() + "/settings");
        assertThat(page.getByText(texts.t("settings.verification.done")).first()).isVisible();
        signOut(email);
        signIn(email, PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(texts.t("dialer.title")).setExact(true))).isVisible();
        assertThat(page.getByText(texts.t("banner.verify", email)).first()).not().isVisible();
        Browser.screenshot(page, "signed-in-" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void badSignUpInputGetsClearFieldErrorsAndCreatesNothing(String language) {
        visit(language);
        signUp("not-an-email", "Amani Kabila", PASSWORD, countryName("CD"));
        assertThat(page.getByText(texts.t("accounts.email.invalid")).first()).isVisible();

        page.getByLabel(texts.t("signup.email")).fill(newEmail());
        page.getByLabel(texts.t("signup.password"), new Page.GetByLabelOptions().setExact(true)).fill("short");
        submitSignUp();
        assertThat(page.getByText(texts.t("accounts.password.short", 10)).first()).isVisible();

        page.getByLabel(texts.t("signup.email")).fill("demo@mobayilo.test");
        page.getByLabel(texts.t("signup.password"), new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        submitSignUp();
        assertThat(page.getByText(texts.t("accounts.email.taken")).first()).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/signup$"));
        Browser.screenshot(page, "signup-errors-" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void sixWrongPasswordsThrottleTheAccountWithAClearMessage(String language) {
        visit(language);
        var email = newEmail();
        signUp(email, "Kofi Mensah", PASSWORD, countryName("GH"));
        signOut(email);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(email, "wrong-password-" + attempt);
            assertThat(page.getByText(texts.t("login.error.message")).first()).isVisible();
        }
        signIn(email, "wrong-password-6");
        assertThat(page.getByText(texts.pattern("login.throttled.message")).first()).isVisible();
        Browser.screenshot(page, "throttled-" + language);

        signIn(email, PASSWORD);
        assertThat(page.getByText(texts.t("login.throttled.title")).first()).isVisible();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en-US", "fr-FR" })
    void changingThePasswordInSettingsSignsOutTheOtherDeviceButNotThisOne(String language) {
        var email = TestUsers.individual(app, language).email().value();
        var here = Visitor.of(browser, app, language).signIn(email, TestUsers.PASSWORD);
        var elsewhere = Visitor.of(browser, app, language).signIn(email, TestUsers.PASSWORD);

        here.open("settings");
        here.fill("settings.password.current", TestUsers.PASSWORD);
        here.fill("settings.password.new", "a-brand-new-password");
        here.page().getByLabel(here.t("settings.password.revokeKeys")).check();
        here.click("settings.password.change");
        assertThat(here.page().getByText(here.t("settings.password.changed.keysRevoked")).first()).isVisible();

        here.open("settings");
        assertThat(here.page()).hasURL(Pattern.compile(".*/settings$"));
        elsewhere.open("settings");
        // the page's own request or its heartbeat may find the session ended first: either way it lands on sign-in, told why
        assertThat(elsewhere.page()).hasURL(Pattern.compile(".*/login(\\?passwordChanged)?$"));
        var notice = elsewhere.page().getByText(elsewhere.t("login.notice.passwordChanged")).first();
        try {
            notice.waitFor(new Locator.WaitForOptions().setTimeout(5000));
        }
        catch (TimeoutError ex) {
            // a heartbeat that ended the session while this sign-in page loaded stored its reason too late for this
            // page; it waits in a cookie for the next one (ui.SignedOutNotice), which the client's reload shows
            elsewhere.page().reload();
        }
        assertThat(notice).isVisible();
        Browser.screenshot(elsewhere.page(), "signed-out-by-password-change-" + language);
    }

    private void visit(String language) {
        page = browser.visitor(language);
        texts = Texts.of(language);
        page.navigate(app.uiUrl() + "/login");
    }

    private void signUp(String email, String name, String password, String country) {
        page.navigate(app.uiUrl() + "/signup");
        page.getByLabel(texts.t("signup.email")).fill(email);
        page.getByLabel(texts.t("signup.name")).fill(name);
        page.getByLabel(texts.t("signup.password"), new Page.GetByLabelOptions().setExact(true)).fill(password);
        var countryField = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(texts.t("signup.country")));
        countryField.fill(country);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(country).setExact(true)).click();
        submitSignUp();
    }

    private void submitSignUp() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t("signup.submit"))).click();
    }

    private void openVerificationMail(String email) {
        app.linkMailedTo(email, texts.t("mail.verify.subject"));
        page.navigate(app.uiUrl() + "/dev/mailbox");
        var mail = page.locator("article").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(email)).first();
        mail.getByRole(AriaRole.LINK).first().click();
    }

    private void signOut(String email) {
        new Visitor(page, texts, app).signOut(email);
    }

    /** Submits the sign-in form; unlike {@link Visitor#signIn}, it may be refused and stay on the page. */
    private void signIn(String email, String password) {
        page.navigate(app.uiUrl() + "/login");
        page.getByLabel(texts.t("login.email")).fill(email);
        page.getByLabel(texts.t("login.password"), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(texts.t("login.submit"))).click();
        page.waitForLoadState();
    }

    private String countryName(String code) {
        return CountryCode.of(code).displayName(texts.locale());
    }

    private static String newEmail() {
        return "caller-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
