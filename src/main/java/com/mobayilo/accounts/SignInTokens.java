package com.mobayilo.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * A browser's sign-in, kept in PostgreSQL so that it outlives the replica whose memory holds the web session
 * (docs/decisions/0038-sign-ins-that-survive-a-replica.md). The browser holds {@code series:token}; only the token's
 * SHA-256 is stored. Each use rotates the token; the one it replaced still works for {@link #OVERLAP}, for requests the
 * browser sent together. Any other token for a known series means the cookie was copied: the series ends, and both
 * the thief and the owner must sign in again. A sign-in made before the password changed does not open a session
 * after it: its {@code credentials} no longer match the account's. Times are the database's.
 */
@Component
public class SignInTokens {

    /** Longest life of a sign-in, however often it is used. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    static final Duration OVERLAP = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    private final Users users;

    SignInTokens(DatabaseClient db, Users users) {
        this.db = db;
        this.users = users;
    }

    /** Starts a series for this sign-in; answers the cookie's value. */
    public Mono<String> issue(AccountPrincipal principal) {
        var series = random();
        var token = random();
        return db.sql("""
                insert into sign_in_tokens (series, user_id, token_hash, rotated_at, credentials, created_at, expires_at)
                values (:series, :user, :hash, now(), :credentials, now(), now() + make_interval(secs => :lifetime))""")
                .bind("series", series)
                .bind("user", principal.id().value())
                .bind("hash", Sha256.of(token))
                .bind("credentials", Parameter.fromOrEmpty(principal.credentials(), String.class))
                .bind("lifetime", (double) LIFETIME.toSeconds())
                .then()
                .thenReturn(series + ":" + token);
    }

    /**
     * Who this cookie signs in, with the cookie's next value when it was rotated; empty when it signs in no one (unknown,
     * expired, copied, from before a password change).
     */
    public Mono<Redeemed> redeem(String cookie) {
        var parts = cookie == null ? new String[0] : cookie.split(":", 2);
        if (parts.length != 2 || parts[0].length() > 64 || parts[1].length() > 64) {
            return Mono.empty();
        }
        var series = parts[0];
        var presented = Sha256.of(parts[1]);
        var next = random();
        return db.sql("""
                update sign_in_tokens set previous_hash = token_hash, token_hash = :next, rotated_at = now()
                where series = :series and token_hash = :presented and expires_at > now()
                returning user_id, credentials""")
                .bind("series", series).bind("presented", presented).bind("next", Sha256.of(next))
                .map(row -> new Holder(row.get("user_id", UUID.class), row.get("credentials", String.class)))
                .one()
                .map(holder -> new Candidate(holder, Optional.of(series + ":" + next)))
                .switchIfEmpty(Mono.defer(() -> overlapping(series, presented)))
                .flatMap(candidate -> users.findById(new UserId(candidate.holder().user()))
                        .map(AccountPrincipal::of)
                        .filter(principal -> java.util.Objects.equals(principal.credentials(), candidate.holder().credentials()))
                        .map(principal -> new Redeemed(principal, candidate.next()))
                        .switchIfEmpty(Mono.defer(() -> end(series).then(Mono.empty()))));
    }

    /** The token just replaced, presented within the overlap: signs in without rotating again. Anything else ends the series. */
    private Mono<Candidate> overlapping(String series, byte[] presented) {
        return db.sql("""
                select user_id, credentials from sign_in_tokens
                where series = :series and previous_hash = :presented and rotated_at > now() - make_interval(secs => :overlap)
                  and expires_at > now()""")
                .bind("series", series).bind("presented", presented).bind("overlap", (double) OVERLAP.toSeconds())
                .map(row -> new Candidate(new Holder(row.get("user_id", UUID.class), row.get("credentials", String.class)), Optional.<String>empty()))
                .one()
                .switchIfEmpty(Mono.defer(() -> end(series).then(Mono.empty())));
    }

    /** Ends the series of this cookie (signing out on this browser). */
    public Mono<Void> end(String seriesOrCookie) {
        var series = seriesOrCookie.split(":", 2)[0];
        return db.sql("delete from sign_in_tokens where series = :series").bind("series", series).then();
    }

    /** Ends every sign-in of this person, on every browser. */
    public Mono<Long> endAll(UserId user) {
        return db.sql("delete from sign_in_tokens where user_id = :user").bind("user", user.value()).fetch().rowsUpdated();
    }

    /** A cookie that signs {@code principal} in; {@code next} is the cookie's new value when the token was rotated. */
    public record Redeemed(AccountPrincipal principal, Optional<String> next) {
    }

    private record Holder(UUID user, String credentials) {
    }

    private record Candidate(Holder holder, Optional<String> next) {
    }

    private static String random() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
