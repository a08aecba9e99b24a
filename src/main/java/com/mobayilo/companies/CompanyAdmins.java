package com.mobayilo.companies;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Role;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

/**
 * Who may manage which company: an admin their own, an operator any. A seat of another company reads as not
 * found, so nothing tells an admin whether it exists.
 */
final class CompanyAdmins {

    private CompanyAdmins() {
    }

    /** The company this admin manages; refused for anyone else. */
    static CompanyId companyOf(AccountPrincipal actor) {
        if (actor.role() != Role.COMPANY_ADMIN || actor.company().isEmpty()) {
            throw new CompanyRefusal.NotAnAdmin();
        }
        return new CompanyId(actor.companyId());
    }

    /** The seat, if this actor may manage it. */
    static Seat manageable(Seat seat, AccountPrincipal actor) {
        if (actor.role() == Role.OPERATOR) {
            return seat;
        }
        if (!seat.company().equals(companyOf(actor)) || seat.status() == SeatStatus.REMOVED) {
            throw new CompanyRefusal.SeatNotFound();
        }
        return seat;
    }

    /** Tells the company's dashboards, in the transaction that made the change. */
    static Mono<Seat> announce(EventLog events, Seat seat, String change) {
        return events.append(Streams.company(seat.company().value()), SeatUpdated.TYPE, SeatUpdated.of(seat, change)).thenReturn(seat);
    }
}
