package com.mobayilo.accounts;

import java.time.Duration;

import com.mobayilo.ratelimit.RateLimit;
import com.mobayilo.ratelimit.RateLimits;
import com.mobayilo.ratelimit.Verdict;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Password sign-in with throttling. Failures are counted per account and per client address in shared
 * buckets; when either runs out, further attempts are refused before the password is even checked
 * (docs/decisions/0006-sign-in.md).
 */
@Service
public class SignIn {

    static final RateLimit FAILURES_PER_ACCOUNT = new RateLimit("signin-failures-account", 5, Duration.ofMinutes(15));

    static final RateLimit FAILURES_PER_ADDRESS = new RateLimit("signin-failures-address", 20, Duration.ofMinutes(15));

    private final Users users;

    private final Passwords passwords;

    private final RateLimits limits;

    SignIn(Users users, Passwords passwords, RateLimits limits) {
        this.users = users;
        this.passwords = passwords;
        this.limits = limits;
    }

    public Mono<AccountPrincipal> authenticate(String email, String password, String clientAddress) {
        var account = accountKey(email);
        return refuseIfThrottled(account, clientAddress)
                .then(findWithPassword(email, password))
                .flatMap(user -> limits.reset(FAILURES_PER_ACCOUNT, account).thenReturn(AccountPrincipal.of(user)))
                .switchIfEmpty(Mono.defer(() -> countFailure(account, clientAddress)));
    }

    private Mono<Void> refuseIfThrottled(String account, String clientAddress) {
        return Mono.zip(limits.check(FAILURES_PER_ACCOUNT, account), limits.check(FAILURES_PER_ADDRESS, clientAddress))
                .flatMap(verdicts -> throttledIfEither(verdicts.getT1(), verdicts.getT2()));
    }

    private static Mono<Void> throttledIfEither(Verdict perAccount, Verdict perAddress) {
        if (perAccount.allowed() && perAddress.allowed()) {
            return Mono.empty();
        }
        var wait = perAccount.retryAfter().compareTo(perAddress.retryAfter()) > 0 ? perAccount.retryAfter() : perAddress.retryAfter();
        return Mono.error(new SignInThrottled(wait));
    }

    /** The user if the password matches; empty for a wrong password, an unknown email or a passwordless seat. */
    private Mono<User> findWithPassword(String email, String password) {
        var user = EmailAddress.isValid(email) ? users.findByEmail(EmailAddress.of(email)) : Mono.<User>empty();
        return user.map(found -> new Candidate(found, found.passwordHash()))
                .defaultIfEmpty(Candidate.NOBODY)
                .flatMap(candidate -> passwords.matches(password, candidate.hash())
                        .filter(Boolean::booleanValue)
                        .mapNotNull(matched -> candidate.user()));
    }

    private Mono<AccountPrincipal> countFailure(String account, String clientAddress) {
        return Mono.zip(limits.consume(FAILURES_PER_ACCOUNT, account), limits.consume(FAILURES_PER_ADDRESS, clientAddress))
                .then(Mono.error(new SignInRefused()));
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private record Candidate(User user, String hash) {
        static final Candidate NOBODY = new Candidate(null, null);
    }
}
