package com.mobayilo.wallet;

/** The {@code balance.changed} event: what the header and the API show, in cents. */
public record BalanceChanged(long balanceCents, long availableCents) {

    public static final String TYPE = "balance.changed";

    static BalanceChanged of(Wallet wallet) {
        return new BalanceChanged(wallet.balance().cents(), wallet.available().cents());
    }
}
