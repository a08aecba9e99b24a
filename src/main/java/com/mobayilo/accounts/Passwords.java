package com.mobayilo.accounts;

import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2 through a delegating encoder, so older BCrypt hashes keep working
 * and the default can move on later. Hashing is deliberately slow, so it runs off the event loop.
 */
@Component
class Passwords {

    // A real hash to compare against when the account does not exist, so a wrong email costs as much time
    // as a wrong password and response times do not reveal which emails have accounts.
    private final String decoy;

    private final PasswordEncoder encoder;

    Passwords() {
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        this.decoy = encoder.encode("decoy-password-for-timing");
    }

    Mono<String> hash(String password, EmailAddress email) {
        return Mono.fromCallable(() -> {
            PasswordPolicy.check(password, email);
            return encoder.encode(password);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> password != null && encoder.matches(password, hash == null ? decoy : hash) && hash != null)
                .subscribeOn(Schedulers.boundedElastic());
    }
}
