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
        return issue(purpose, user, null);
    }

    /**
     * A token bound to the address it is mailed to: it only works while the account still has that email, so a
     * link sent before an address change is worthless after it.
     */
    public Mono<String> issueFor(TokenPurpose purpose, User user) {
        return issue(purpose, user.id(), user.email().value());
    }

    private Mono<String> issue(TokenPurpose purpose, UserId user, String email) {
        var token = newToken();
        return db.sql("insert into one_time_tokens (token_hash, purpose, user_id, expires_at, email) "
                        + "values (:hash, :purpose, :user, now() + make_interval(secs => :lifetime), :email)")
                .bind("hash", hash(token))
                .bind("purpose", purpose.name())
                .bind("user", user.value())
                .bind("email", org.springframework.r2dbc.core.Parameter.fromOrEmpty(email, String.class))
                .bind("lifetime", (double) purpose.lifetime().toSeconds())
                .then()
                .thenReturn(token);
    }

    /** Spends the token and tells whose it was, or fails with {@link LinkNotValid}. */
    public Mono<UserId> consume(TokenPurpose purpose, String token) {
        return consumeAny(java.util.EnumSet.of(purpose), token).map(Spent::user);
    }

    /**
     * Spends a token of any of these purposes and tells whose it was and what it was for, or fails with
     * {@link LinkNotValid}. A token bound to an email works only while the account has that email.
     */
    public Mono<Spent> consumeAny(java.util.Set<TokenPurpose> purposes, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.error(new LinkNotValid());
        }
        return db.sql("""
                update one_time_tokens t set consumed_at = now()
                from users u
                where t.token_hash = :hash and t.purpose = any(:purposes) and t.consumed_at is null and t.expires_at > now()
                  and u.id = t.user_id and (t.email is null or t.email = u.email)
                returning t.user_id, t.purpose""")
                .bind("hash", hash(token))
                .bind("purposes", purposes.stream().map(Enum::name).toArray(String[]::new))
                .map(row -> new Spent(new UserId(row.get("user_id", UUID.class)), TokenPurpose.valueOf(row.get("purpose", String.class))))
                .one()
                .switchIfEmpty(Mono.error(LinkNotValid::new))
                .flatMap(spent -> spendOthers(spent.purpose(), spent.user()).thenReturn(spent));
    }

    /** Spends every open token of this person: their links stop working at once (a disabled seat). */
    public Mono<Long> spendAll(UserId user) {
        return db.sql("update one_time_tokens set consumed_at = now() where user_id = :user and consumed_at is null")
                .bind("user", user.value()).fetch().rowsUpdated();
    }

    /** A spent token: whose it was and what it was for. */
    public record Spent(UserId user, TokenPurpose purpose) {
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
