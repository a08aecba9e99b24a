package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

public final class InsufficientCredit extends WalletRefusal {

    private final Money available;

    public InsufficientCredit(Money wanted, Money available) {
        super(Kind.PAYMENT_REQUIRED, "wallet.insufficient", wanted.cents(), available.cents());
        this.available = available;
    }

    public Money available() {
        return available;
    }
}
