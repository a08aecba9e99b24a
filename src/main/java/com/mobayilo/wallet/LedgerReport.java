package com.mobayilo.wallet;

import java.util.List;

/**
 * The ledger's self-check: every customer wallet's stored balance against the sum of its postings, its held
 * amount against its active holds, and the sum of all postings, which must be zero.
 */
public record LedgerReport(long wallets, long postings, long sumOfAllPostingsCents, List<Drift> drifts) {

    public boolean isConsistent() {
        return sumOfAllPostingsCents == 0 && drifts.isEmpty();
    }

    /** One wallet whose stored numbers disagree with its postings or holds. */
    public record Drift(String wallet, long storedBalanceCents, long postedBalanceCents, long storedHeldCents, long activeHoldsCents) {
    }
}
