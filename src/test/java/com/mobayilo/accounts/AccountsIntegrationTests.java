package com.mobayilo.accounts;

import java.util.Locale;
import java.util.UUID;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up, verification, reset and sign-in against real PostgreSQL and the real mail queue. */
class AccountsIntegrationTests {

    private static final String PASSWORD = "correct-horse-battery";

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void signingUpStoresAnUnverifiedUserWithAHashedPasswordAndMailsAVerificationLink() {
        var user = signUp(newEmail());
        var stored = app.bean(Users.class).findById(user.id()).block();
        assertThat(stored.isEmailVerified()).isFalse();
        assertThat(stored.passwordHash()).startsWith("{argon2}").doesNotContain(PASSWORD);
        assertThat(app.linkMailedTo(user.email().value(), "Confirm your email")).contains("/verify-email?token=");
    }

    @Test
    void aDuplicateEmailIsRefusedWhateverItsCaseAndCreatesNoSecondAccount() {
        var email = newEmail();
        signUp(email);
        assertThatThrownBy(() -> signUp(email.toUpperCase(Locale.ROOT))).isInstanceOf(EmailAlreadyRegistered.class);
        assertThat(count("select count(*) from users where email = '" + email + "'")).isEqualTo(1);
    }

    @Test
    void aWeakPasswordCreatesNothingAndSendsNoMail() {
        var email = newEmail();
        assertThatThrownBy(() -> registration().signUp(new SignUp(email, "Kofi", "short", "GH", Locale.ENGLISH)).block())
                .isInstanceOf(WeakPassword.class);
        assertThat(count("select count(*) from users where email = '" + email + "'")).isZero();
        assertThat(count("select count(*) from jobs where payload->>'to' = '" + email + "'")).isZero();
    }

    @Test
    void theVerificationLinkWorksOnceOnly() {
        var user = signUp(newEmail());
        var token = tokenOf(app.linkMailedTo(user.email().value(), "Confirm your email"));
        assertThat(registration().verifyEmail(token).block().isEmailVerified()).isTrue();
        assertThatThrownBy(() -> registration().verifyEmail(token).block()).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void anExpiredVerificationLinkIsRefused() {
        var user = signUp(newEmail());
        var token = tokenOf(app.linkMailedTo(user.email().value(), "Confirm your email"));
        db().sql("update one_time_tokens set expires_at = now() - interval '1 second' where user_id = :user")
                .bind("user", user.id().value()).then().block();
        assertThatThrownBy(() -> registration().verifyEmail(token).block()).isInstanceOf(LinkNotValid.class);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        var user = signUp(newEmail());
        var token = tokenOf(app.linkMailedTo(user.email().value(), "Confirm your email"));
        var stored = db().sql("select token_hash from one_time_tokens where user_id = :user").bind("user", user.id().value())
                .map(row -> row.get("token_hash", byte[].class)).one().block();
        assertThat(stored).hasSize(32).isEqualTo(OneTimeTokens.hash(token));
    }

    @Test
    void askingForAResetLinkAnswersTheSameForUnknownEmailsAndMailsOnlyRealAccounts() {
        var unknown = newEmail();
        var known = signUp(newEmail()).email().value();
        var reset = app.bean(PasswordReset.class);
        reset.request(unknown, "198.51.100.7").block();
        reset.request(known, "198.51.100.7").block();
        assertThat(app.linkMailedTo(known, "Reset your Mobayilo password")).contains("/reset-password?token=");
        assertThat(app.mailsTo(unknown)).isZero();
    }

    @Test
    void aResetLinkExpiresWithinThirtyMinutesAndWorksOnce() {
        var user = signUp(newEmail());
        var reset = app.bean(PasswordReset.class);
        reset.request(user.email().value(), "198.51.100.8").block();
        var token = tokenOf(app.linkMailedTo(user.email().value(), "Reset your Mobayilo password"));
        var lifetime = db().sql("select extract(epoch from expires_at - created_at) as seconds from one_time_tokens where purpose = 'PASSWORD_RESET' and user_id = :user")
                .bind("user", user.id().value()).map(row -> row.get("seconds", Number.class).doubleValue()).one().block();
        assertThat(lifetime).isEqualTo(1800.0);

        reset.reset(token, "a-brand-new-password").block();
        assertThatThrownBy(() -> reset.reset(token, "yet-another-password").block()).isInstanceOf(LinkNotValid.class);
        assertThat(signIn().authenticate(user.email().value(), "a-brand-new-password", "198.51.100.8").block().id()).isEqualTo(user.id());
    }

    @Test
    void aWeakNewPasswordDoesNotSpendTheResetLink() {
        var user = signUp(newEmail());
        var reset = app.bean(PasswordReset.class);
        reset.request(user.email().value(), "198.51.100.9").block();
        var token = tokenOf(app.linkMailedTo(user.email().value(), "Reset your Mobayilo password"));
        assertThatThrownBy(() -> reset.reset(token, "short").block()).isInstanceOf(WeakPassword.class);
        assertThat(reset.reset(token, "long-enough-now").block().id()).isEqualTo(user.id());
    }

    @Test
    void fiveWrongPasswordsThrottleTheAccountEvenForTheRightPassword() {
        var user = signUp(newEmail());
        var email = user.email().value();
        for (int attempt = 1; attempt <= 5; attempt++) {
            var address = "203.0.113." + attempt;
            assertThatThrownBy(() -> signIn().authenticate(email, "wrong-password", address).block()).isInstanceOf(SignInRefused.class);
        }
        assertThatThrownBy(() -> signIn().authenticate(email, PASSWORD, "203.0.113.99").block())
                .isInstanceOfSatisfying(SignInThrottled.class, throttled -> assertThat(throttled.minutes()).isBetween(1L, 15L));
    }

    @Test
    void manyFailuresFromOneAddressThrottleThatAddressForEveryAccount() {
        var address = "192.0.2." + (int) (Math.random() * 200);
        for (int attempt = 1; attempt <= 20; attempt++) {
            var email = newEmail();
            assertThatThrownBy(() -> signIn().authenticate(email, "guess", address).block()).isInstanceOf(SignInRefused.class);
        }
        var user = signUp(newEmail());
        assertThatThrownBy(() -> signIn().authenticate(user.email().value(), PASSWORD, address).block()).isInstanceOf(SignInThrottled.class);
        assertThat(signIn().authenticate(user.email().value(), PASSWORD, "192.0.2.250").block().id()).isEqualTo(user.id());
    }

    @Test
    void anUnknownEmailAndAWrongPasswordAreRefusedAlike() {
        var user = signUp(newEmail());
        assertThatThrownBy(() -> signIn().authenticate(newEmail(), PASSWORD, "198.51.100.20").block()).isInstanceOf(SignInRefused.class);
        assertThatThrownBy(() -> signIn().authenticate(user.email().value(), "not-it-at-all", "198.51.100.21").block())
                .isInstanceOf(SignInRefused.class);
    }

    @Test
    void theSandboxDemoAccountsExistAndAreVerified() {
        var demo = app.bean(Users.class).findByEmail(EmailAddress.of("demo@mobayilo.test")).block();
        var ops = app.bean(Users.class).findByEmail(EmailAddress.of("ops@mobayilo.test")).block();
        assertThat(demo.isEmailVerified()).isTrue();
        assertThat(demo.role()).isEqualTo(Role.INDIVIDUAL);
        assertThat(ops.role()).isEqualTo(Role.OPERATOR);
        assertThat(signIn().authenticate("demo@mobayilo.test", "demo-password-1", "198.51.100.30").block().role()).isEqualTo(Role.INDIVIDUAL);
    }

    private static User signUp(String email) {
        return registration().signUp(new SignUp(email, "Amani Kabila", PASSWORD, "CD", Locale.ENGLISH)).block();
    }

    private static Registration registration() {
        return app.bean(Registration.class);
    }

    private static SignIn signIn() {
        return app.bean(SignIn.class);
    }

    private static DatabaseClient db() {
        return app.bean(DatabaseClient.class);
    }

    private static long count(String sql) {
        return db().sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String newEmail() {
        return "it-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
