package com.mobayilo.accounts;

import java.time.Clock;

import com.mobayilo.mail.Mailer;
import com.mobayilo.shared.CountryCode;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Creating individual accounts and proving that their email works. */
@Service
public class Registration {

    private final Users users;

    private final Passwords passwords;

    private final OneTimeTokens tokens;

    private final AccountMails mails;

    private final Mailer mailer;

    private final TransactionalOperator transaction;

    private final Clock clock;

    Registration(Users users, Passwords passwords, OneTimeTokens tokens, AccountMails mails, Mailer mailer,
            TransactionalOperator transaction, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Creates the account and mails a verification link, all or nothing. */
    public Mono<User> signUp(SignUp form) {
        return Mono.fromCallable(() -> EmailAddress.of(form.email()))
                .flatMap(email -> passwords.hash(form.password(), email)
                        .map(hash -> User.register(email, form.fullName(), hash, country(form.homeCountry()), form.locale(), clock.instant())))
                .flatMap(users::insert)
                .flatMap(this::sendVerification)
                .as(transaction::transactional);
    }

    public Mono<User> verifyEmail(String token) {
        return tokens.consume(TokenPurpose.EMAIL_VERIFICATION, token)
                .flatMap(users::findById)
                .map(user -> user.verifyEmail(clock.instant()))
                .flatMap(users::update)
                .as(transaction::transactional);
    }

    /** Sends a fresh link to a signed-in user who has not verified yet; does nothing once verified. */
    public Mono<User> resendVerification(UserId id) {
        return users.findById(id)
                .filter(user -> !user.isEmailVerified())
                .flatMap(this::sendVerification)
                .as(transaction::transactional);
    }

    private Mono<User> sendVerification(User user) {
        return tokens.issue(TokenPurpose.EMAIL_VERIFICATION, user.id())
                .flatMap(token -> mailer.send(mails.verification(user, token)))
                .thenReturn(user);
    }

    static CountryCode country(String code) {
        if (!CountryCode.isKnown(code)) {
            throw new InvalidCountry();
        }
        return CountryCode.of(code);
    }
}
