package com.mobayilo.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens for links sent by mail. A token is 256 random bits; only its SHA-256 hash is stored, so a
 * database leak yields no usable link. Using a token also spends every other open token of the same purpose
 * for that user, so an older link cannot be used after a newer one was. Times are the database's, so
 * instances with skewed clocks agree on expiry.
 */
@Component
public class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    OneTimeTokens(DatabaseClient db) {
        this.db = db;
    }

    public Mono<String> issue(TokenPurpose purpose, UserId user) {
        var token = newToken();
        return db.sql("insert into one_time_tokens (token_hash, purpose, user_id, expires_at) values (:hash, :purpose, :user, now() + make_interval(secs => :lifetime))")
                .bind("hash", hash(token))
                .bind("purpose", purpose.name())
                .bind("user", user.value())
                .bind("lifetime", (double) purpose.lifetime().toSeconds())
                .then()
                .thenReturn(token);
    }

    /** Spends the token and tells whose it was, or fails with {@link LinkNotValid}. */
    public Mono<UserId> consume(TokenPurpose purpose, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.error(new LinkNotValid());
        }
        return db.sql("""
                update one_time_tokens set consumed_at = now()
                where token_hash = :hash and purpose = :purpose and consumed_at is null and expires_at > now()
                returning user_id""")
                .bind("hash", hash(token))
                .bind("purpose", purpose.name())
                .map(row -> new UserId(row.get("user_id", UUID.class)))
                .one()
                .switchIfEmpty(Mono.error(LinkNotValid::new))
                .flatMap(user -> spendOthers(purpose, user).thenReturn(user));
    }

    private Mono<Void> spendOthers(TokenPurpose purpose, UserId user) {
        return db.sql("update one_time_tokens set consumed_at = now() where user_id = :user and purpose = :purpose and consumed_at is null")
                .bind("user", user.value())
                .bind("purpose", purpose.name())
                .then();
    }

    private static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        return Sha256.of(secret);
    }
}
