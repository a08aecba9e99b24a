package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

/**
 * A customer wallet's rules. Available credit is the balance minus active holds; holds and charges never take
 * it below zero, and only refunds and chargebacks may push the balance itself below zero. The database applies
 * the same rules with conditional updates, so they hold under concurrency too.
 */
public record Wallet(WalletId id, Owner owner, Money balance, Money held) {

    public Money available() {
        return balance.minus(held);
    }

    public Balance toBalance() {
        return new Balance(id, balance, held);
    }

    public Wallet hold(Money amount) {
        Amounts.requirePositive(amount);
        if (amount.isGreaterThan(available())) {
            throw new InsufficientCredit(amount, available());
        }
        return new Wallet(id, owner, balance, held.plus(amount));
    }

    /** Settles a hold: charges {@code charge} (at most the hold) and returns the rest to available credit. */
    public Wallet settle(Money heldAmount, Money charge) {
        if (charge.isNegative() || charge.isGreaterThan(heldAmount)) {
            throw new CaptureExceedsHold(charge, heldAmount);
        }
        return new Wallet(id, owner, balance.minus(charge), held.minus(heldAmount));
    }

    public Wallet credit(Money amount) {
        Amounts.requirePositive(amount);
        return new Wallet(id, owner, balance.plus(amount), held);
    }

    public Wallet debit(Money amount, TransactionKind kind) {
        Amounts.requirePositive(amount);
        if (!kind.mayOverdraw() && amount.isGreaterThan(available())) {
            throw new InsufficientCredit(amount, available());
        }
        return new Wallet(id, owner, balance.minus(amount), held);
    }
}
