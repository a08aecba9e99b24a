package com.mobayilo.payments;

import java.util.Optional;

import com.mobayilo.shared.Money;

/**
 * A card holder's dispute of a top-up: the amount leaves the wallet while it is open or lost and comes back
 * if it is won. What moves depends only on what was already moved, so events in any order end the same.
 */
record Dispute(String id, TopUpId topUp, Money amount, Status status, boolean debited) {

    enum Status { OPEN, WON, LOST }

    enum Movement { NONE, DEBIT, RETURN }

    record Next(Dispute dispute, Movement movement) {
    }

    /**
     * The dispute after an event: opened ({@code won} empty) or closed. {@code movesFunds} is false for
     * inquiries, which never take money.
     */
    Next after(Optional<Boolean> won, boolean movesFunds) {
        if (won.isEmpty()) {
            var debit = status == Status.OPEN && movesFunds && !debited;
            return new Next(with(status, debited || debit), debit ? Movement.DEBIT : Movement.NONE);
        }
        if (won.get()) {
            return new Next(with(Status.WON, false), debited ? Movement.RETURN : Movement.NONE);
        }
        var debit = movesFunds && !debited;
        return new Next(with(Status.LOST, debited || debit), debit ? Movement.DEBIT : Movement.NONE);
    }

    private Dispute with(Status next, boolean isDebited) {
        return new Dispute(id, topUp, amount, next, isDebited);
    }
}
