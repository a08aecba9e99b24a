package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

/** A wallet's balance (the sum of its postings) and what is held from it for calls in progress. */
public record Balance(WalletId wallet, Money balance, Money held) {

    public Money available() {
        return balance.minus(held);
    }

    /** A wallet below zero (after a refund or chargeback) cannot start calls. */
    public boolean canStartCalls() {
        return !balance.isNegative() && available().isPositive();
    }
}
