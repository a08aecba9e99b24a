package com.mobayilo.companies;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import com.mobayilo.accounts.AccountMails;
import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.LinkNotValid;
import com.mobayilo.accounts.OneTimeTokens;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.TokenPurpose;
import com.mobayilo.accounts.TooManyRequests;
import com.mobayilo.accounts.Users;
import com.mobayilo.events.EventLog;
import com.mobayilo.mail.Mailer;
import com.mobayilo.ratelimit.RateLimit;
import com.mobayilo.ratelimit.RateLimits;
import com.mobayilo.ratelimit.Verdict;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Seats sign in by emailed link only (docs/decisions/0016-companies.md). A link carries 256 random bits, is
 * stored as a SHA-256 hash in PostgreSQL, works once, for ten minutes, and only while the seat still has the
 * email it was sent to and may sign in. Asking for a link answers the same whether or not the email is a seat's.
 */
@Service
public class SeatSignIn {

    /** Five links an hour for one address, whoever asks: nobody's inbox can be flooded. */
    static final RateLimit LINKS_PER_EMAIL = new RateLimit("signin-links-email", 5, Duration.ofHours(1));

    /** Thirty an hour from one client address: a company's office shares one address, an attacker gets no more. */
    static final RateLimit LINKS_PER_ADDRESS = new RateLimit("signin-links-address", 30, Duration.ofHours(1));

    private final Seats seats;

    private final Users users;

    private final OneTimeTokens tokens;

    private final AccountMails mails;

    private final Mailer mailer;

    private final RateLimits limits;

    private final EventLog events;

    private final TransactionalOperator transaction;

    private final Clock clock;

    SeatSignIn(Seats seats, Users users, OneTimeTokens tokens, AccountMails mails, Mailer mailer, RateLimits limits, EventLog events,
            TransactionalOperator transaction, Clock clock) {
        this.seats = seats;
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.limits = limits;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Mails a sign-in link if {@code email} is a seat that may sign in. Completes the same way for anyone else;
     * fails with {@link TooManyRequests} when this email or this client asked too often, whoever they are.
     */
    public Mono<Void> requestLink(String email, String clientAddress) {
        var subject = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return Mono.zip(limits.consume(LINKS_PER_ADDRESS, clientAddress), limits.consume(LINKS_PER_EMAIL, subject))
                .flatMap(verdicts -> refuseIfEither(verdicts.getT1(), verdicts.getT2()))
                .then(Mono.defer(() -> EmailAddress.isValid(email) ? mailLink(EmailAddress.of(email)) : Mono.empty()));
    }

    private static Mono<Void> refuseIfEither(Verdict perAddress, Verdict perEmail) {
        if (perAddress.allowed() && perEmail.allowed()) {
            return Mono.empty();
        }
        var wait = perAddress.retryAfter().compareTo(perEmail.retryAfter()) > 0 ? perAddress.retryAfter() : perEmail.retryAfter();
        return Mono.error(new TooManyRequests(wait));
    }

    private Mono<Void> mailLink(EmailAddress email) {
        return seats.findByEmail(email)
                .filter(seat -> seat.role() == Role.SEAT && seat.maySignIn())
                .flatMap(seat -> users.findById(seat.user()))
                .flatMap(user -> tokens.issueFor(TokenPurpose.SIGN_IN, user)
                        .flatMap(token -> mailer.send(mails.linkMail(user, "mail.signInLink", "signin-link", token))))
                .as(transaction::transactional)
                .then();
    }

    /**
     * Spends a sign-in or invitation link and tells who it signs in. The first use turns an invitation into an
     * active seat and proves the email. Fails with {@link LinkNotValid} for a used, expired, unknown or
     * disabled seat's link.
     */
    public Mono<AccountPrincipal> signIn(String token) {
        return tokens.consumeAny(EnumSet.of(TokenPurpose.SIGN_IN, TokenPurpose.SEAT_INVITATION), token)
                .flatMap(spent -> seats.lock(spent.user()))
                .filter(Seat::maySignIn)
                .switchIfEmpty(Mono.error(LinkNotValid::new))
                .flatMap(this::markSignedIn)
                .flatMap(seat -> users.findById(seat.user()))
                .flatMap(user -> users.update(user.verifyEmail(clock.instant())))
                .map(AccountPrincipal::of)
                .as(transaction::transactional);
    }

    private Mono<Seat> markSignedIn(Seat seat) {
        var active = seat.signedIn();
        return active.equals(seat) ? Mono.just(seat) : seats.update(active).flatMap(updated -> CompanyAdmins.announce(events, updated, "joined"));
    }
}
