package com.mobayilo.payments;

import java.util.List;

import com.mobayilo.shared.Money;

/** What a person may buy at once: one of the packs, or any amount from $5 to $500. */
public final class TopUpAmount {

    public static final Money LEAST = Money.cents(500);

    public static final Money MOST = Money.cents(50_000);

    public static final List<Money> PACKS = List.of(Money.cents(500), Money.cents(1_000), Money.cents(2_500), Money.cents(5_000));

    private TopUpAmount() {
    }

    public static Money of(Money amount) {
        if (amount == null || amount.compareTo(LEAST) < 0 || amount.compareTo(MOST) > 0) {
            throw new InvalidTopUp(InvalidTopUp.Problem.AMOUNT_OUT_OF_RANGE, LEAST.cents() / 100, MOST.cents() / 100);
        }
        return amount;
    }
}
