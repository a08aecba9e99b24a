package com.mobayilo.accounts;

import java.util.Locale;
import java.util.UUID;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal API keys: shown once, stored as a hash, listed with their use, revocable by their owner only. */
class ApiKeysIntegrationTests {

    private static TestApp app;

    private static ApiKeys keys;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        keys = app.bean(ApiKeys.class);
    }

    @Test
    void aNewKeyWorksOnTheApiAndIsListedWithItsPrefixAndLastUse() {
        var user = newUser();
        var created = keys.create(user.id(), "Laptop script").block();
        assertThat(created.secret()).startsWith("mby_" + created.key().prefix() + "_");
        assertThat(keys.listFor(user.id()).collectList().block()).singleElement().satisfies(key -> assertThat(key.lastUsedAt()).isNull());
        assertThat(get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + created.secret()).statusCode()).isEqualTo(200);
        assertThat(keys.listFor(user.id()).collectList().block()).singleElement().satisfies(key -> {
            assertThat(key.name()).isEqualTo("Laptop script");
            assertThat(key.lastUsedAt()).isNotNull();
        });
    }

    @Test
    void onlyAHashOfTheKeyIsStored() {
        var user = newUser();
        var created = keys.create(user.id(), "ci").block();
        var stored = app.bean(DatabaseClient.class).sql("select encode(key_hash, 'hex') from api_keys where id = :id").bind("id", created.key().id())
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).hasSize(64).doesNotContain(created.key().prefix() + "_");
        assertThat(app.bean(DatabaseClient.class).sql("select count(*) from api_keys where name = :secret or prefix = :secret").bind("secret", created.secret())
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedAndOnlyItsOwnerCanRevokeIt() {
        var owner = newUser();
        var stranger = newUser();
        var created = keys.create(owner.id(), "phone").block();
        assertThat(keys.revoke(stranger.id(), created.key().id()).block()).isFalse();
        assertThat(get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + created.secret()).statusCode()).isEqualTo(200);
        assertThat(keys.revoke(owner.id(), created.key().id()).block()).isTrue();
        var refused = get(app.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + created.secret());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aKeyNeedsAName() {
        var user = newUser();
        assertThatThrownBy(() -> keys.create(user.id(), "  ").block()).isInstanceOf(InvalidKeyName.class);
    }

    @Test
    void sessionKeysForTheUiExpireAndAreNeverListed() {
        var user = newUser();
        var session = keys.sessionKey(user.id()).block();
        assertThat(keys.listFor(user.id()).collectList().block()).isEmpty();
        assertThat(keys.authenticate(session.secret()).block().id()).isEqualTo(user.id());
        app.bean(DatabaseClient.class).sql("update api_keys set expires_at = now() - interval '1 second' where id = :id").bind("id", session.key().id()).then().block();
        assertThat(keys.authenticate(session.secret()).blockOptional()).isEmpty();
    }

    private static User newUser() {
        return app.bean(Registration.class).signUp(new SignUp("keys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "Key Holder",
                "key-holder-password", "FR", Locale.FRENCH)).block();
    }
}
