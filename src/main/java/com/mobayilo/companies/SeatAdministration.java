package com.mobayilo.companies;

import java.util.function.Function;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.OneTimeTokens;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What admins (and operators) do to a company's seats. Disabling or removing a seat spends its open links,
 * revokes its API and session keys, and tells its open pages to sign out; its web sessions end at their next
 * request ({@code SeatStanding}) and its calls are refused at the voice webhook.
 */
@Service
public class SeatAdministration {

    private final Seats seats;

    private final OneTimeTokens tokens;

    private final ApiKeys keys;

    private final EventLog events;

    private final TransactionalOperator transaction;

    SeatAdministration(Seats seats, OneTimeTokens tokens, ApiKeys keys, EventLog events, TransactionalOperator transaction) {
        this.seats = seats;
        this.tokens = tokens;
        this.keys = keys;
        this.events = events;
        this.transaction = transaction;
    }

    public Mono<Seat> changeSettings(AccountPrincipal actor, Seat seat, SeatSettings settings) {
        return change(actor, seat, "limits", current -> current.withSettings(settings), Mono::just);
    }

    public Mono<Seat> disable(AccountPrincipal actor, Seat seat) {
        return change(actor, seat, "disabled", current -> current.disable(actor.id()), this::lockOut);
    }

    public Mono<Seat> enable(AccountPrincipal actor, Seat seat) {
        return change(actor, seat, "enabled", Seat::enable, Mono::just);
    }

    public Mono<Seat> remove(AccountPrincipal actor, Seat seat) {
        return change(actor, seat, "removed", current -> current.remove(actor.id()), this::lockOut);
    }

    /** Applies {@code rule} to the locked seat and {@code then} in the same transaction, so a lock-out is all or nothing. */
    private Mono<Seat> change(AccountPrincipal actor, Seat seat, String change, Function<Seat, Seat> rule, Function<Seat, Mono<Seat>> then) {
        return seats.lock(seat.user())
                .switchIfEmpty(Mono.error(CompanyRefusal.SeatNotFound::new))
                .map(current -> rule.apply(CompanyAdmins.manageable(current, actor)))
                .flatMap(seats::update)
                .flatMap(then)
                .flatMap(changed -> CompanyAdmins.announce(events, changed, change))
                .as(transaction::transactional);
    }

    private Mono<Seat> lockOut(Seat seat) {
        return tokens.spendAll(seat.user())
                .then(keys.revokeAll(seat.user()))
                .then(events.append(Streams.user(seat.user().value()), SeatUpdated.TYPE, SeatUpdated.of(seat, "signedOut")))
                .thenReturn(seat);
    }
}
