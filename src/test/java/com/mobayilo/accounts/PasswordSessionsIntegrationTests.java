package com.mobayilo.accounts;

import java.util.Map;

import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.UiSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password reset ends every session opened before it and revokes every API key; a change under Settings ends the
 * other sessions and revokes the keys only when asked (issue 16, point 6). Sessions are driven over real HTTP on
 * the UI port; a session's "next request" is a page request.
 */
class PasswordSessionsIntegrationTests {

    private static final String NEW_PASSWORD = "a-brand-new-password";

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void aResetEndsEverySessionOpenedBeforeItAndRevokesEveryApiKey() {
        var user = TestUsers.individual(app, "en");
        var laptop = signIn(user, TestUsers.PASSWORD);
        var phone = signIn(user, TestUsers.PASSWORD);
        var key = app.bean(ApiKeys.class).create(user.id(), "script").block().secret();
        assertThat(laptop.opens("/wallet")).isTrue();
        assertThat(walletApi(key)).isEqualTo(200);

        reset(user, NEW_PASSWORD);

        assertThat(laptop.get("/wallet").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?passwordChanged"));
        assertThat(phone.opens("/wallet")).isFalse();
        assertThat(walletApi(key)).isEqualTo(401);
        assertThat(signIn(user, NEW_PASSWORD).opens("/wallet")).isTrue();
    }

    @Test
    void theResetMailSaysEverySessionEndsAndEveryKeyIsRevokedInTheUsersLanguage() {
        var english = TestUsers.individual(app, "en");
        var french = TestUsers.individual(app, "fr");
        var reset = app.bean(PasswordReset.class);
        reset.request(english.email().value(), "198.51.100.21").block();
        reset.request(french.email().value(), "198.51.100.21").block();
        app.linkMailedTo(english.email().value(), "Reset your Mobayilo password");
        app.linkMailedTo(french.email().value(), "Réinitialisez votre mot de passe");
        assertThat(app.latestMail(english.email().value(), "Reset your").text())
                .contains("signs you out on every device and revokes all your API keys");
        assertThat(app.latestMail(french.email().value(), "Réinitialisez").text())
                .contains("vous déconnecte sur tous vos appareils et révoque toutes vos clés d’API");
    }

    @Test
    void aChangeInSettingsEndsTheOtherSessionsAndKeepsTheKeysUnlessAsked() {
        var user = TestUsers.individual(app, "en");
        var other = signIn(user, TestUsers.PASSWORD);
        var key = app.bean(ApiKeys.class).create(user.id(), "script").block().secret();
        var settings = app.bean(AccountSettings.class);

        var changed = settings.changePassword(user.id(), TestUsers.PASSWORD, NEW_PASSWORD, false).block();
        assertThat(other.opens("/wallet")).isFalse();
        assertThat(walletApi(key)).isEqualTo(200);
        assertThat(AccountPrincipal.of(changed).credentials()).isNotEqualTo(AccountPrincipal.of(user).credentials());

        settings.changePassword(user.id(), NEW_PASSWORD, "yet-another-password", true).block();
        assertThat(walletApi(key)).isEqualTo(401);
    }

    @Test
    void aSessionEndedByABackgroundRequestLeavesItsReasonForTheSignInPage() {
        var user = TestUsers.individual(app, "en");
        var other = signIn(user, TestUsers.PASSWORD);
        app.bean(AccountSettings.class).changePassword(user.id(), TestUsers.PASSWORD, NEW_PASSWORD, false).block();

        // the open page's heartbeat reaches the server before any navigation does: it cannot be redirected
        var heartbeat = other.postForm("/?v-r=heartbeat&v-uiId=0", Map.of());

        assertThat(heartbeat.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("mobayilo-signed-out=passwordChanged"));
        assertThat(other.opens("/wallet")).isFalse();
    }

    @Test
    void aSessionSignedInWithTheCurrentPasswordStays() {
        var user = TestUsers.individual(app, "en");
        app.bean(AccountSettings.class).changePassword(user.id(), TestUsers.PASSWORD, NEW_PASSWORD, false).block();
        var session = signIn(user, NEW_PASSWORD);
        assertThat(session.opens("/wallet")).isTrue();
        assertThat(session.opens("/settings")).isTrue();
    }

    private static UiSession signIn(User user, String password) {
        return UiSession.signedIn(app, user.email().value(), password);
    }

    private static int walletApi(String key) {
        return get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + key).statusCode();
    }

    private static void reset(User user, String newPassword) {
        var reset = app.bean(PasswordReset.class);
        reset.request(user.email().value(), "198.51.100.20").block();
        var link = app.linkMailedTo(user.email().value(), "Reset your Mobayilo password");
        reset.reset(link.substring(link.indexOf("token=") + 6), newPassword).block();
    }
}
