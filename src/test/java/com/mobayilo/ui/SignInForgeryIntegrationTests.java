package com.mobayilo.ui;

import java.util.Map;

import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.testing.UiSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login CSRF (issue 16, point 5): another site must not be able to sign a visitor into the attacker's account by
 * posting the sign-in form for them, nor sign them out. Only a post carrying the page's token counts.
 */
class SignInForgeryIntegrationTests {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void aCrossSiteSignInPostWithoutTheTokenOpensNoSession() {
        var attacker = TestUsers.individual(app, "en");
        var victim = UiSession.anonymous(app);
        var forged = victim.postForm("/login", Map.of("username", attacker.email().value(), "password", TestUsers.PASSWORD),
                "Origin", "http://evil.example");
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login?expired"));
        assertThat(victim.opens("/wallet")).isFalse();
    }

    @Test
    void aSignInPostDressedAsAVaadinRequestStillNeedsTheToken() {
        var attacker = TestUsers.individual(app, "en");
        var victim = UiSession.anonymous(app);
        victim.postForm("/login?v-r=uidl", Map.of("username", attacker.email().value(), "password", TestUsers.PASSWORD),
                "Origin", "http://evil.example");
        assertThat(victim.opens("/wallet")).isFalse();
    }

    @Test
    void aSignInPostWithAWrongTokenOpensNoSession() {
        var attacker = TestUsers.individual(app, "en");
        var victim = UiSession.anonymous(app);
        victim.get("/login");
        victim.postForm("/login", Map.of("username", attacker.email().value(), "password", TestUsers.PASSWORD, "_csrf", "forged"),
                "Origin", "http://evil.example");
        assertThat(victim.opens("/wallet")).isFalse();
    }

    @Test
    void theSignInPageSendsItsTokenAndSignsIn() {
        var user = TestUsers.individual(app, "en");
        var session = UiSession.signedIn(app, user.email().value(), TestUsers.PASSWORD);
        assertThat(session.opens("/wallet")).isTrue();
    }

    @Test
    void aCrossSiteSignOutPostWithoutTheTokenSignsNobodyOut() {
        var user = TestUsers.individual(app, "en");
        var session = UiSession.signedIn(app, user.email().value(), TestUsers.PASSWORD);
        session.postForm("/logout", Map.of(), "Origin", "http://evil.example");
        session.postForm("/logout?v-r=uidl", Map.of(), "Origin", "http://evil.example");
        assertThat(session.opens("/wallet")).isTrue();
    }
}
