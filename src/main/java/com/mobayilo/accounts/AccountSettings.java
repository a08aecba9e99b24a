package com.mobayilo.accounts;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** What signed-in users change about themselves. */
@Service
public class AccountSettings {

    private final Users users;

    private final Passwords passwords;

    private final TransactionalOperator transaction;

    private final ApiKeys keys;

    AccountSettings(Users users, Passwords passwords, TransactionalOperator transaction, ApiKeys keys) {
        this.keys = keys;
        this.users = users;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    public Mono<User> updateProfile(UserId id, String fullName, String homeCountry, Locale locale) {
        return users.findById(id)
                .map(user -> user.updateProfile(fullName, Registration.country(homeCountry), locale))
                .flatMap(users::update)
                .as(transaction::transactional);
    }

    /**
     * Every other session opened with the old password ends at its next request ({@link PasswordSessions}); the caller
     * keeps its own by signing it in again with the returned user. The person's own API keys are revoked only if they
     * ask: a voluntary change is not a sign that a key leaked.
     */
    public Mono<User> changePassword(UserId id, String currentPassword, String newPassword, boolean revokeApiKeys) {
        return users.findById(id)
                .flatMap(user -> passwords.matches(currentPassword, user.passwordHash())
                        .flatMap(matches -> matches ? passwords.hash(newPassword, user.email()) : Mono.error(new WrongCurrentPassword()))
                        .map(user::changePassword))
                .flatMap(users::update)
                .flatMap(user -> revokeApiKeys ? keys.revokePersonal(id).thenReturn(user) : Mono.just(user))
                .as(transaction::transactional);
    }
}
