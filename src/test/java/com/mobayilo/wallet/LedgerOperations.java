package com.mobayilo.wallet;

import com.mobayilo.shared.Money;

/** The ledger operations the simulations drive, on the model or on the real ledger. */
interface LedgerOperations {

    void credit(WalletId wallet, Money amount, TransactionKind kind, String key);

    void debit(WalletId wallet, Money amount, TransactionKind kind, String key);

    HoldId hold(WalletId wallet, Money amount, String key);

    void capture(HoldId hold, Money charge);

    void release(HoldId hold);
}
