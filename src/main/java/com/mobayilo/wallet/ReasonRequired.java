package com.mobayilo.wallet;

public final class ReasonRequired extends WalletRefusal {

    public ReasonRequired() {
        super(Kind.INVALID_INPUT, "wallet.reason.required");
    }
}
