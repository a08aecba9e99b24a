package com.mobayilo.accounts;

import java.time.Duration;

import com.mobayilo.mail.Mailer;
import com.mobayilo.ratelimit.RateLimit;
import com.mobayilo.ratelimit.RateLimits;
import com.mobayilo.ratelimit.Verdict;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Forgotten passwords. Asking for a reset answers the same whether or not the email has an account, so the
 * form cannot be used to find out who is a customer.
 */
@Service
public class PasswordReset {

    static final RateLimit REQUESTS_PER_ADDRESS = new RateLimit("reset-requests-address", 10, Duration.ofHours(1));

    static final RateLimit MAILS_PER_ACCOUNT = new RateLimit("reset-mails-account", 3, Duration.ofHours(1));

    private final Users users;

    private final Passwords passwords;

    private final OneTimeTokens tokens;

    private final AccountMails mails;

    private final Mailer mailer;

    private final TransactionalOperator transaction;

    private final RateLimits limits;

    private final ApiKeys keys;

    PasswordReset(Users users, Passwords passwords, OneTimeTokens tokens, AccountMails mails, Mailer mailer,
            TransactionalOperator transaction, RateLimits limits, ApiKeys keys) {
        this.limits = limits;
        this.keys = keys;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.transaction = transaction;
    }

    /**
     * Mails a reset link if the account exists. Completes the same way either way. One client address may
     * ask ten times an hour; one account gets at most three mails an hour, silently, so the form cannot be
     * used to flood someone's inbox.
     */
    public Mono<Void> request(String email, String clientAddress) {
        return limits.consume(REQUESTS_PER_ADDRESS, clientAddress)
                .flatMap(verdict -> verdict.allowed() ? Mono.empty() : Mono.error(new TooManyRequests(verdict.retryAfter())))
                .then(Mono.defer(() -> EmailAddress.isValid(email) ? mailLink(EmailAddress.of(email)) : Mono.empty()));
    }

    private Mono<Void> mailLink(EmailAddress email) {
        return limits.consume(MAILS_PER_ACCOUNT, email.value())
                .filter(Verdict::allowed)
                .flatMap(allowed -> users.findByEmail(email))
                .flatMap(user -> tokens.issue(TokenPurpose.PASSWORD_RESET, user.id())
                        .flatMap(token -> mailer.send(mails.passwordReset(user, token))))
                .as(transaction::transactional)
                .then();
    }

    /**
     * An invited admin chooses their password from the invitation link; the link proves the email, so it is
     * verified too.
     */
    public Mono<User> acceptAdminInvitation(String token, String newPassword) {
        return tokens.consume(TokenPurpose.ADMIN_INVITATION, token)
                .flatMap(users::findById)
                .flatMap(user -> passwords.hash(newPassword, user.email()).map(user::changePassword))
                .map(user -> user.verifyEmail(java.time.Instant.now()))
                .flatMap(users::update)
                .as(transaction::transactional);
    }

    /**
     * Checks the new password first, so a weak one does not spend the link. Whoever asked for a reset may be locking
     * someone out of their account: every session opened with the old password ends at its next request, on every
     * instance ({@link PasswordSessions}), and every API key is revoked, open event streams included.
     */
    public Mono<User> reset(String token, String newPassword) {
        return tokens.consume(TokenPurpose.PASSWORD_RESET, token)
                .flatMap(users::findById)
                .flatMap(user -> passwords.hash(newPassword, user.email()).map(user::changePassword))
                .flatMap(users::update)
                .flatMap(user -> keys.revokeAll(user.id()).thenReturn(user))
                .as(transaction::transactional);
    }
}
