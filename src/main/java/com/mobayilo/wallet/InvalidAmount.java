package com.mobayilo.wallet;

public final class InvalidAmount extends WalletRefusal {

    public InvalidAmount() {
        super(Kind.INVALID_INPUT, "wallet.amount.invalid");
    }
}
