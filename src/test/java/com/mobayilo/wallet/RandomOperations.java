package com.mobayilo.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mobayilo.shared.Money;

/**
 * A seeded stream of interleaved top-ups, promotions, holds, captures, releases, refunds, chargebacks and
 * adjustments, with some operations deliberately repeated (same idempotency key, second capture). Refusals
 * (not enough credit, charge above the hold) are part of the game: both ledgers must refuse the same things.
 */
final class RandomOperations {

    private final Random random;

    private final List<WalletId> wallets;

    private final List<String> usedKeys = new ArrayList<>();

    /** For each hold placed, its id in each target ledger, in target order. */
    private final List<List<HoldId>> holds = new ArrayList<>();

    private int counter;

    private String last = "";

    RandomOperations(long seed, List<WalletId> wallets) {
        this.random = new Random(seed);
        this.wallets = wallets;
    }

    /** Applies the next operation to every target, in order; a refusal must be the same refusal on each. */
    void next(List<LedgerOperations> targets) {
        var wallet = wallets.get(random.nextInt(wallets.size()));
        var roll = random.nextInt(100);
        if (roll < 20) {
            var amount = amount(5000);
            var key = key();
            last = "top-up " + amount + " on " + wallet;
            applyAll(targets, ledger -> ledger.credit(wallet, amount, TransactionKind.TOP_UP, key));
        }
        else if (roll < 25) {
            var amount = amount(500);
            var key = key();
            last = "promotion " + amount + " on " + wallet;
            applyAll(targets, ledger -> ledger.credit(wallet, amount, TransactionKind.PROMOTION, key));
        }
        else if (roll < 30 && !usedKeys.isEmpty()) {
            var replayed = usedKeys.get(random.nextInt(usedKeys.size()));
            var amount = amount(5000);
            last = "replayed top-up " + replayed + " of " + amount + " on " + wallet;
            applyAll(targets, ledger -> ledger.credit(wallet, amount, TransactionKind.TOP_UP, replayed));
        }
        else if (roll < 55) {
            var key = key();
            var amount = amount(2000);
            var placed = new ArrayList<HoldId>();
            last = "hold " + amount + " on " + wallet;
            applyAll(targets, ledger -> placed.add(ledger.hold(wallet, amount, key)));
            if (placed.size() == targets.size()) {
                holds.add(placed);
            }
        }
        else if (roll < 75 && !holds.isEmpty()) {
            var index = random.nextInt(holds.size());
            var charge = Money.cents(random.nextInt(2100));
            last = "capture " + charge + " of hold #" + index;
            applyAll(targets, ledger -> ledger.capture(holds.get(index).get(targets.indexOf(ledger)), charge));
        }
        else if (roll < 85 && !holds.isEmpty()) {
            var index = random.nextInt(holds.size());
            last = "release hold #" + index;
            applyAll(targets, ledger -> ledger.release(holds.get(index).get(targets.indexOf(ledger))));
        }
        else if (roll < 92) {
            var kind = random.nextBoolean() ? TransactionKind.REFUND : TransactionKind.CHARGEBACK;
            var amount = amount(1500);
            var key = key();
            last = kind + " " + amount + " on " + wallet;
            applyAll(targets, ledger -> ledger.debit(wallet, amount, kind, key));
        }
        else {
            var amount = amount(1500);
            var key = key();
            last = "adjustment -" + amount + " on " + wallet;
            applyAll(targets, ledger -> ledger.debit(wallet, amount, TransactionKind.ADJUSTMENT, key));
        }
    }

    private Money amount(int max) {
        return Money.cents(1 + random.nextInt(max));
    }

    private String key() {
        var key = "sim-" + Long.toHexString(random.nextLong()) + "-" + counter++;
        usedKeys.add(key);
        return key;
    }

    String last() {
        return last;
    }

    private static void applyAll(List<LedgerOperations> targets, java.util.function.Consumer<LedgerOperations> operation) {
        Class<?> firstRefusal = null;
        for (int i = 0; i < targets.size(); i++) {
            Class<?> refusal = null;
            try {
                operation.accept(targets.get(i));
            }
            catch (WalletRefusal refused) {
                refusal = refused.getClass();
            }
            if (i == 0) {
                firstRefusal = refusal;
            }
            else if (firstRefusal != refusal) {
                throw new AssertionError("The ledgers disagree: " + firstRefusal + " versus " + refusal);
            }
        }
    }

}
