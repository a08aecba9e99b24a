package com.mobayilo.wallet;

import java.time.Duration;

import com.mobayilo.shared.Money;

/** The PostgreSQL ledger behind the simulations' operations, one blocking call per operation. */
final class RealLedger implements LedgerOperations {

    private final Ledger ledger;

    RealLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void credit(WalletId wallet, Money amount, TransactionKind kind, String key) {
        ledger.credit(wallet, amount, JournalEntry.of(kind, "SIMULATION", key, "simulated " + kind, key)).block();
    }

    @Override
    public void debit(WalletId wallet, Money amount, TransactionKind kind, String key) {
        ledger.debit(wallet, amount, JournalEntry.of(kind, "SIMULATION", key, "simulated " + kind, key)).block();
    }

    @Override
    public HoldId hold(WalletId wallet, Money amount, String key) {
        return ledger.hold(wallet, amount, Memo.text("simulated call"), key, Duration.ofHours(1), key).block().id();
    }

    @Override
    public void capture(HoldId hold, Money charge) {
        ledger.capture(hold, charge, Memo.text("simulated call")).block();
    }

    @Override
    public void release(HoldId hold) {
        ledger.release(hold).block();
    }
}
