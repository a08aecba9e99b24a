package com.mobayilo.companies;

import java.time.Clock;
import java.util.Locale;

import com.mobayilo.accounts.AccountMails;
import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.OneTimeTokens;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.TokenPurpose;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.events.EventLog;
import com.mobayilo.mail.Mailer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * An admin invites a seat (or another admin) by email. The invitation mails a single-use link, good for three
 * days: a seat's signs them in, an admin's lets them choose a password. A person removed earlier can be invited
 * again; anyone else who already has a Mobayilo account cannot.
 */
@Service
public class SeatInvitations {

    private final Companies companies;

    private final Seats seats;

    private final Users users;

    private final Registration registration;

    private final OneTimeTokens tokens;

    private final AccountMails mails;

    private final Mailer mailer;

    private final EventLog events;

    private final TransactionalOperator transaction;

    private final Clock clock;

    SeatInvitations(Companies companies, Seats seats, Users users, Registration registration, OneTimeTokens tokens, AccountMails mails,
            Mailer mailer, EventLog events, TransactionalOperator transaction, Clock clock) {
        this.companies = companies;
        this.seats = seats;
        this.users = users;
        this.registration = registration;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Invites {@code email} as a seat or an admin of the actor's company, in the given language. */
    public Mono<Seat> invite(AccountPrincipal actor, String email, String name, Role role, SeatSettings settings, Locale locale) {
        return Mono.fromCallable(() -> new Invitation(CompanyAdmins.companyOf(actor), EmailAddress.of(email), role))
                .flatMap(invitation -> companies.find(invitation.company()).flatMap(company -> seats.findByEmail(invitation.email())
                        .flatMap(existing -> comeBack(existing, company, name, settings))
                        .switchIfEmpty(Mono.defer(() -> newMember(actor, company, invitation, name, settings, locale)))))
                .flatMap(seat -> mailInvitation(actor, seat).thenReturn(seat))
                .flatMap(seat -> CompanyAdmins.announce(events, seat, "invited"))
                .as(transaction::transactional);
    }

    /** Mails a fresh invitation to someone who has not joined yet (the earlier link is spent). */
    public Mono<Seat> resend(AccountPrincipal actor, Seat seat) {
        return seats.find(seat.user())
                .map(found -> CompanyAdmins.manageable(found, actor))
                .filter(found -> found.status() == SeatStatus.INVITED)
                .switchIfEmpty(Mono.error(CompanyRefusal.SeatNotFound::new))
                .flatMap(found -> tokens.spendAll(found.user()).then(mailInvitation(actor, found)).thenReturn(found))
                .as(transaction::transactional);
    }

    private Mono<Seat> comeBack(Seat existing, Company company, String name, SeatSettings settings) {
        if (!existing.company().equals(company.id()) || existing.status() != SeatStatus.REMOVED) {
            return Mono.error(new CompanyRefusal.EmailTaken());
        }
        var back = existing.reinvite(name, settings);
        return users.findById(existing.user())
                .flatMap(user -> users.update(user.updateProfile(name, user.homeCountry(), user.locale())))
                .then(seats.update(back));
    }

    private Mono<Seat> newMember(AccountPrincipal actor, Company company, Invitation invitation, String name, SeatSettings settings, Locale locale) {
        return users.findByEmail(invitation.email())
                .flatMap(taken -> Mono.<User>error(new CompanyRefusal.EmailTaken()))
                .switchIfEmpty(Mono.defer(() -> registration.registerInvited(company.id().value(), invitation.role(), invitation.email().value(), name,
                        company.billingCountry(), locale)))
                .flatMap(user -> seats.insert(Seat.invited(user.id(), company.id(), user.fullName(), user.email().value(), invitation.role(),
                        settings, clock.instant()), actor.id()));
    }

    private Mono<Void> mailInvitation(AccountPrincipal actor, Seat seat) {
        var admin = seat.isAdmin();
        return Mono.zip(users.findById(seat.user()), users.findById(actor.id()), companies.find(seat.company()))
                .flatMap(people -> tokens.issueFor(admin ? TokenPurpose.ADMIN_INVITATION : TokenPurpose.SEAT_INVITATION, people.getT1())
                        .map(token -> mails.linkMail(people.getT1(), admin ? "mail.adminInvite" : "mail.seatInvite", admin ? "invitation" : "signin-link",
                                token, people.getT2().fullName(), people.getT3().name())))
                .flatMap(mailer::send);
    }

    private record Invitation(CompanyId company, EmailAddress email, Role role) {
        Invitation {
            if (!role.isCompanyMember()) {
                throw new IllegalArgumentException("Not a company role: " + role);
            }
        }
    }
}
