package com.mobayilo.wallet;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mobayilo.shared.Money;

/**
 * An in-memory double-entry ledger built from the same {@link Wallet} and {@link Hold} rules as the real one,
 * with idempotency keys and system accounts. The simulations drive it with random operations and check the
 * ledger's invariants after every step.
 */
final class LedgerModel implements LedgerOperations {

    private final Map<WalletId, Wallet> wallets = new LinkedHashMap<>();

    private final Map<HoldId, Hold> holds = new HashMap<>();

    private final Map<String, HoldId> holdKeys = new HashMap<>();

    private final Set<String> postedKeys = new HashSet<>();

    private final Map<WalletId, Long> postedSums = new HashMap<>();

    private final Set<WalletId> overdrawnByRefund = new HashSet<>();

    private final Map<WalletId, Long> activeHolds = new HashMap<>();

    private long postingsCount;

    WalletId open(WalletId id) {
        wallets.put(id, new Wallet(id, Owner.user(UUID.randomUUID()), Money.ZERO, Money.ZERO));
        return id;
    }

    @Override
    public void credit(WalletId wallet, Money amount, TransactionKind kind, String key) {
        if (postedKeys.add(key)) {
            wallets.put(wallet, wallets.get(wallet).credit(amount));
            post(wallet, amount, kind);
        }
    }

    @Override
    public void debit(WalletId wallet, Money amount, TransactionKind kind, String key) {
        if (postedKeys.contains(key)) {
            return;
        }
        wallets.put(wallet, wallets.get(wallet).debit(amount, kind));
        postedKeys.add(key);
        post(wallet, amount.negate(), kind);
        if (kind.mayOverdraw()) {
            overdrawnByRefund.add(wallet);
        }
    }

    @Override
    public HoldId hold(WalletId wallet, Money amount, String key) {
        var existing = holdKeys.get(key);
        if (existing != null) {
            return existing;
        }
        wallets.put(wallet, wallets.get(wallet).hold(amount));
        var hold = Hold.place(wallet, amount, Memo.text("simulated"), key, Instant.EPOCH);
        holds.put(hold.id(), hold);
        holdKeys.put(key, hold.id());
        activeHolds.merge(wallet, amount.cents(), Long::sum);
        return hold.id();
    }

    @Override
    public void capture(HoldId id, Money charge) {
        var hold = holds.get(id);
        if (hold.status() == HoldStatus.CAPTURED) {
            return;
        }
        var captured = hold.capture(charge);
        wallets.put(hold.wallet(), wallets.get(hold.wallet()).settle(hold.amount(), charge));
        holds.put(id, captured);
        activeHolds.merge(hold.wallet(), -hold.amount().cents(), Long::sum);
        if (charge.isPositive()) {
            post(hold.wallet(), charge.negate(), TransactionKind.CALL_CHARGE);
        }
    }

    @Override
    public void release(HoldId id) {
        var hold = holds.get(id);
        if (hold.isActive()) {
            holds.put(id, hold.release());
            activeHolds.merge(hold.wallet(), -hold.amount().cents(), Long::sum);
            wallets.put(hold.wallet(), wallets.get(hold.wallet()).settle(hold.amount(), Money.ZERO));
        }
    }

    Wallet wallet(WalletId id) {
        return wallets.get(id);
    }

    /** Checks every invariant; throws with a description of the first one broken. */
    void checkInvariants() {
        var total = postedSums.values().stream().mapToLong(Long::longValue).sum();
        if (total != 0) {
            throw new AssertionError("postings sum to " + total);
        }
        for (var wallet : wallets.values()) {
            var posted = postedSums.getOrDefault(wallet.id(), 0L);
            if (wallet.balance().cents() != posted) {
                throw new AssertionError(wallet.id() + " balance " + wallet.balance() + " but postings sum to " + posted);
            }
            var active = activeHolds.getOrDefault(wallet.id(), 0L);
            if (wallet.held().cents() != active) {
                throw new AssertionError(wallet.id() + " holds " + wallet.held() + " but active holds sum to " + active);
            }
            if (wallet.available().isNegative() && !overdrawnByRefund.contains(wallet.id())) {
                throw new AssertionError(wallet.id() + " went below zero without a refund: " + wallet.available());
            }
        }
    }

    long postings() {
        return postingsCount;
    }

    private void post(WalletId wallet, Money amount, TransactionKind kind) {
        postedSums.merge(wallet, amount.cents(), Long::sum);
        postedSums.merge(kind.counterpart().wallet(), -amount.cents(), Long::sum);
        postingsCount += 2;
    }
}
