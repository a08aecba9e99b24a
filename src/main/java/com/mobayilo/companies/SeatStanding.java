package com.mobayilo.companies;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountStanding;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** A company member stays signed in only while their seat may sign in; one primary-key read per request. */
@Component
class SeatStanding implements AccountStanding {

    private final Seats seats;

    SeatStanding(Seats seats) {
        this.seats = seats;
    }

    @Override
    public Mono<Boolean> allows(AccountPrincipal principal) {
        if (!principal.role().isCompanyMember()) {
            return Mono.just(true);
        }
        return seats.find(principal.id()).map(Seat::maySignIn).defaultIfEmpty(false);
    }
}
