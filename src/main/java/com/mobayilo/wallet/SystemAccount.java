package com.mobayilo.wallet;

import java.util.UUID;

/**
 * The ledger's own accounts, the other side of every customer posting. Their balances are derived by summing
 * their postings, never stored, so no posting waits on them.
 */
public enum SystemAccount {
    PAYMENT_CLEARING(1), CALL_REVENUE(2), PROMOTIONS_ADJUSTMENTS(3), REFUNDS_CHARGEBACKS(4);

    private final WalletId wallet;

    SystemAccount(int number) {
        this.wallet = new WalletId(new UUID(0, number));
    }

    public WalletId wallet() {
        return wallet;
    }
}
