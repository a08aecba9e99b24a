package com.mobayilo.accounts;

import java.time.Clock;
import java.util.Locale;

import com.mobayilo.database.Seeding;
import com.mobayilo.sandbox.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of CONTRACTS.md, created on first start in full sandbox mode only. They are never
 * created once a live provider is configured.
 */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final DemoAccount DEMO = new DemoAccount("demo@mobayilo.test", "Demo Caller", "demo-password-1", "US", Role.INDIVIDUAL);

    static final DemoAccount OPS = new DemoAccount("ops@mobayilo.test", "Operations", "ops-password-1", "US", Role.OPERATOR);

    private final SandboxMode sandbox;

    private final Users users;

    private final Passwords passwords;

    private final Clock clock;

    private final Seeding seeding;

    DemoAccounts(SandboxMode sandbox, Users users, Passwords passwords, Clock clock, Seeding seeding) {
        this.seeding = seeding;
        this.sandbox = sandbox;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sandbox.isFullSandbox()) {
            // under the seeding lock: a replica starting at the same time would otherwise find no account and insert it too
            seeding.exclusively(() -> Flux.just(DEMO, OPS).concatMap(this::ensure).then()).block();
        }
    }

    private Mono<User> ensure(DemoAccount account) {
        var email = EmailAddress.of(account.email());
        return users.findByEmail(email)
                .switchIfEmpty(Mono.defer(() -> create(account, email)));
    }

    private Mono<User> create(DemoAccount account, EmailAddress email) {
        return passwords.hash(account.password(), email)
                .map(hash -> User.register(email, account.name(), hash, Registration.country(account.country()), Locale.ENGLISH, clock.instant())
                        .verifyEmail(clock.instant())
                        .promoteTo(account.role()))
                .flatMap(users::insert)
                .doOnNext(user -> log.info("Sandbox: created demo account {}", user.email()));
    }

    record DemoAccount(String email, String name, String password, String country, Role role) {
    }
}
