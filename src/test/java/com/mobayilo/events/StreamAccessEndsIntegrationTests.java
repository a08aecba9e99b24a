package com.mobayilo.events;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.PasswordReset;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.companies.SeatAdministration;
import com.mobayilo.companies.SeatSettings;
import com.mobayilo.companies.TestCompany;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open {@code GET /api/v1/events} ends within 5 s of its key being revoked, its seat disabled or removed, or its
 * account's password reset, and its reconnect gets 401 (issue 16, point 7). Streams opened with keys that stay valid
 * go on.
 */
class StreamAccessEndsIntegrationTests {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
    }

    @Test
    void revokingAKeyEndsItsOpenStreamAndTheReconnectGets401() {
        var user = newUser();
        var key = app.bean(ApiKeys.class).create(user.id(), "revoked").block();
        try (var stream = SseClient.connect(app.coreUrl(), key.secret())) {
            app.bean(ApiKeys.class).revoke(user.id(), key.key().id()).block();
            assertThat(stream.endsWithin(WITHIN)).isTrue();
            credit(user, 300);
            assertThat(stream.drain(Duration.ofMillis(500))).isEmpty();
        }
        assertThat(reconnect(key.secret())).isEqualTo(401);
    }

    @Test
    void revokingAnotherKeyLeavesAStreamOnAValidKeyDelivering() {
        var user = newUser();
        var kept = app.bean(ApiKeys.class).create(user.id(), "kept").block();
        var revoked = app.bean(ApiKeys.class).create(user.id(), "revoked").block();
        try (var stream = SseClient.connect(app.coreUrl(), kept.secret())) {
            app.bean(ApiKeys.class).revoke(user.id(), revoked.key().id()).block();
            credit(user, 200);
            assertThat(stream.next(1, Duration.ofSeconds(10))).singleElement()
                    .satisfies(event -> assertThat(event.event()).isEqualTo("balance.changed"));
            assertThat(stream.endsWithin(Duration.ofSeconds(1))).isFalse();
        }
    }

    @Test
    void disablingASeatEndsItsOpenStreamAndTheReconnectGets401() {
        var company = TestCompany.create(app, 0);
        var seat = company.seat(SeatSettings.UNCAPPED);
        var key = app.bean(ApiKeys.class).create(seat.id(), "seat script").block().secret();
        try (var stream = SseClient.connect(app.coreUrl(), key)) {
            app.bean(SeatAdministration.class).disable(company.adminPrincipal(), company.seatOf(seat)).block();
            assertThat(stream.endsWithin(WITHIN)).isTrue();
        }
        assertThat(reconnect(key)).isEqualTo(401);
    }

    @Test
    void removingASeatEndsItsOpenStream() {
        var company = TestCompany.create(app, 0);
        var seat = company.seat(SeatSettings.UNCAPPED);
        var key = app.bean(ApiKeys.class).create(seat.id(), "seat script").block().secret();
        try (var stream = SseClient.connect(app.coreUrl(), key)) {
            app.bean(SeatAdministration.class).remove(company.adminPrincipal(), company.seatOf(seat)).block();
            assertThat(stream.endsWithin(WITHIN)).isTrue();
        }
        assertThat(reconnect(key)).isEqualTo(401);
    }

    @Test
    void aPasswordResetEndsTheAccountsOpenStreams() {
        var user = newUser();
        var key = app.bean(ApiKeys.class).create(user.id(), "script").block().secret();
        try (var stream = SseClient.connect(app.coreUrl(), key)) {
            var reset = app.bean(PasswordReset.class);
            reset.request(user.email().value(), "198.51.100." + (int) (Math.random() * 200)).block();
            var link = app.linkMailedTo(user.email().value(), "Reset your Mobayilo password");
            reset.reset(link.substring(link.indexOf("token=") + 6), "a-brand-new-password").block();
            assertThat(stream.endsWithin(WITHIN)).isTrue();
        }
        assertThat(reconnect(key)).isEqualTo(401);
    }

    @Test
    void aRevocationOnOneInstanceEndsAStreamOpenOnAnother() {
        try (var other = app.another()) {
            var user = newUser();
            var key = app.bean(ApiKeys.class).create(user.id(), "replica").block();
            try (var stream = SseClient.connect(other.coreUrl(), key.secret())) {
                app.bean(ApiKeys.class).revoke(user.id(), key.key().id()).block();
                assertThat(stream.endsWithin(WITHIN)).isTrue();
            }
            assertThat(get(other.coreUrl() + "/api/v1/events", "Authorization", "Bearer " + key.secret()).statusCode()).isEqualTo(401);
        }
    }

    private static int reconnect(String key) {
        return get(app.coreUrl() + "/api/v1/events", "Authorization", "Bearer " + key).statusCode();
    }

    private static User newUser() {
        return app.bean(Registration.class).signUp(new SignUp("ends-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "Stream Ender", "stream-ender-password", "BE", Locale.ENGLISH)).block();
    }

    private static void credit(User user, long cents) {
        var wallet = app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id();
        EventStreamIntegrationTests.credit(app, wallet, cents);
    }
}
