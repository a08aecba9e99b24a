package com.mobayilo.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Bearer keys for the core's API. A key is {@code mby_<prefix>_<secret>}: 8 hex characters to recognise it in
 * lists and 256 random bits; only its SHA-256 hash is stored. Personal keys live until revoked; session keys,
 * minted for the UI to follow a user's event stream on the core, expire after a few hours and are never listed.
 */
@Service
public class ApiKeys {

    static final Duration SESSION_KEY_LIFETIME = Duration.ofHours(12);

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    private final Users users;

    private final List<RevokedKeys> revocations;

    ApiKeys(DatabaseClient db, Users users, List<RevokedKeys> revocations) {
        this.db = db;
        this.users = users;
        this.revocations = revocations;
    }

    public Mono<NewApiKey> create(UserId user, String name) {
        var cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty() || cleaned.length() > 60 || cleaned.chars().anyMatch(Character::isISOControl)) {
            return Mono.error(new InvalidKeyName());
        }
        return insert(user, "PERSONAL", cleaned, null);
    }

    /** A short-lived key for the UI server to follow this user's events on the core. */
    public Mono<NewApiKey> sessionKey(UserId user) {
        return insert(user, "UI_SESSION", "UI session", Instant.now().plus(SESSION_KEY_LIFETIME));
    }

    public Flux<ApiKey> listFor(UserId user) {
        return db.sql("""
                select id, user_id, name, prefix, created_at, last_used_at, revoked_at from api_keys
                where user_id = :user and kind = 'PERSONAL' order by created_at desc""")
                .bind("user", user.value()).map(ApiKeys::key).all();
    }

    /** Revokes one of the user's own keys; another user's key id changes nothing. Streams opened with it end. */
    public Mono<Boolean> revoke(UserId user, UUID key) {
        return db.sql("update api_keys set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
                .bind("id", key).bind("user", user.value())
                .fetch().rowsUpdated()
                .flatMap(rows -> announced(user, rows))
                .map(rows -> rows > 0);
    }

    /**
     * Revokes every key of this person, personal and session ones: a disabled seat's or a reset account's API access
     * ends at once, open event streams included.
     */
    public Mono<Long> revokeAll(UserId user) {
        return db.sql("update api_keys set revoked_at = now() where user_id = :user and revoked_at is null")
                .bind("user", user.value()).fetch().rowsUpdated()
                .flatMap(rows -> announced(user, rows));
    }

    /** Revokes the keys this person made under Settings, leaving the UI's own session keys. */
    public Mono<Long> revokePersonal(UserId user) {
        return db.sql("update api_keys set revoked_at = now() where user_id = :user and kind = 'PERSONAL' and revoked_at is null")
                .bind("user", user.value()).fetch().rowsUpdated()
                .flatMap(rows -> announced(user, rows));
    }

    /** Callers revoke inside their own transaction, so the announcement goes out exactly when the revocation commits. */
    private Mono<Long> announced(UserId user, long rows) {
        if (rows == 0) {
            return Mono.just(rows);
        }
        return Flux.fromIterable(revocations).concatMap(each -> each.revoked(user)).then(Mono.just(rows));
    }

    /** Whose key this is, if it is valid: known, not revoked, not expired. */
    public Mono<AccountPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith("mby_") || secret.length() > 100) {
            return Mono.empty();
        }
        return db.sql("""
                update api_keys set last_used_at = now()
                where key_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())
                  and (last_used_at is null or last_used_at < now() - make_interval(secs => :precision))
                returning user_id""")
                .bind("hash", hash(secret)).bind("precision", (double) LAST_USED_PRECISION.toSeconds())
                .map(row -> row.get("user_id", UUID.class)).one()
                .switchIfEmpty(Mono.defer(() -> findValid(secret)))
                .flatMap(user -> users.findById(new UserId(user)))
                .map(AccountPrincipal::of);
    }

    private Mono<UUID> findValid(String secret) {
        return db.sql("select user_id from api_keys where key_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())")
                .bind("hash", hash(secret)).map(row -> row.get("user_id", UUID.class)).one();
    }

    private Mono<NewApiKey> insert(UserId user, String kind, String name, Instant expiresAt) {
        var prefix = HexFormat.of().formatHex(randomBytes(4));
        var secret = "mby_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        var id = UUID.randomUUID();
        var spec = db.sql("""
                insert into api_keys (id, user_id, kind, name, prefix, key_hash, expires_at)
                values (:id, :user, :kind, :name, :prefix, :hash, :expires)
                returning id, user_id, name, prefix, created_at, last_used_at, revoked_at""")
                .bind("id", id).bind("user", user.value()).bind("kind", kind).bind("name", name).bind("prefix", prefix).bind("hash", hash(secret));
        spec = expiresAt == null ? spec.bindNull("expires", Instant.class) : spec.bind("expires", expiresAt);
        return spec.map(ApiKeys::key).one().map(key -> new NewApiKey(key, secret));
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] hash(String secret) {
        return Sha256.of(secret);
    }

    private static ApiKey key(Readable row) {
        return new ApiKey(row.get("id", UUID.class), new UserId(row.get("user_id", UUID.class)), row.get("name", String.class),
                row.get("prefix", String.class), row.get("created_at", Instant.class), row.get("last_used_at", Instant.class),
                row.get("revoked_at", Instant.class));
    }
}
