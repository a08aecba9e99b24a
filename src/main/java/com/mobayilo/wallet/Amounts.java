package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

final class Amounts {

    private Amounts() {
    }

    static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new InvalidAmount();
        }
    }
}
