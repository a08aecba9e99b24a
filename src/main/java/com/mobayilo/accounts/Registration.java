package com.mobayilo.accounts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.mobayilo.mail.Mailer;
import com.mobayilo.shared.CountryCode;
import reactor.core.publisher.Flux;
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

    private final List<VerifiedEmails> verifications;

    Registration(Users users, Passwords passwords, OneTimeTokens tokens, AccountMails mails, Mailer mailer,
            TransactionalOperator transaction, Clock clock, List<VerifiedEmails> verifications) {
        this.verifications = verifications;
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

    /**
     * Creates a company's founding admin: the same rules and verification mail as an individual's account.
     * Runs in the caller's transaction, which also creates the company.
     */
    public Mono<User> signUpCompanyAdmin(UUID company, SignUp form) {
        return Mono.fromCallable(() -> EmailAddress.of(form.email()))
                .flatMap(email -> passwords.hash(form.password(), email)
                        .map(hash -> User.member(company, Role.COMPANY_ADMIN, email, form.fullName(), hash, country(form.homeCountry()),
                                form.locale(), clock.instant())))
                .flatMap(users::insert)
                .flatMap(this::sendVerification);
    }

    /**
     * Creates an invited member without a password: a seat signs in by emailed links only, an invited admin
     * chooses a password from their invitation. Nothing is mailed here; the inviter's feature mails the link.
     */
    public Mono<User> registerInvited(UUID company, Role role, String email, String fullName, CountryCode country, java.util.Locale locale) {
        return Mono.fromCallable(() -> User.member(company, role, EmailAddress.of(email), fullName, null, country, locale, clock.instant()))
                .flatMap(users::insert);
    }

    public Mono<User> verifyEmail(String token) {
        return tokens.consume(TokenPurpose.EMAIL_VERIFICATION, token)
                .flatMap(users::findById)
                .map(user -> user.verifyEmail(clock.instant()))
                .flatMap(users::update)
                .flatMap(user -> Flux.fromIterable(verifications).concatMap(announce -> announce.verified(user.id())).then(Mono.just(user)))
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
