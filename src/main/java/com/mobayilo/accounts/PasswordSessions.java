package com.mobayilo.accounts;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A web session stays signed in only while the password it was opened with is still the account's password. The
 * password lives in PostgreSQL, so a reset or change on one instance ends the sessions held by every other one at
 * their next request (docs/decisions/0022-ending-sessions-and-streams.md). One primary-key read per request.
 */
@Component
public class PasswordSessions {

    private final DatabaseClient db;

    PasswordSessions(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> stillCurrent(AccountPrincipal principal) {
        if (principal.credentials() == null) {
            return Mono.just(true);
        }
        return db.sql("select password_hash from users where id = :id").bind("id", principal.id().value())
                .map(row -> String.valueOf(AccountPrincipal.credentialsOf(row.get("password_hash", String.class))))
                .one()
                .map(principal.credentials()::equals)
                .defaultIfEmpty(false);
    }
}
