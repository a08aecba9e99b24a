package com.mobayilo.wallet;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A seeded random simulation of 100,000 interleaved ledger operations on the domain model, checking the
 * invariants after every single one. A failure names its seed; {@code -Dledger.seed=N} replays it.
 */
class LedgerSimulationTests {

    private static final int OPERATIONS = 100_000;

    @Test
    void hundredThousandRandomOperationsKeepEveryInvariant() {
        var seed = Long.getLong("ledger.seed", System.nanoTime());
        var model = new LedgerModel();
        var wallets = IntStream.range(0, 20).mapToObj(i -> model.open(WalletId.newId())).toList();
        var operations = new RandomOperations(seed, wallets);
        for (int step = 0; step < OPERATIONS; step++) {
            try {
                operations.next(List.of(model));
                model.checkInvariants();
            }
            catch (AssertionError broken) {
                throw new AssertionError("Seed " + seed + " broke an invariant at step " + step + " (rerun with -Dledger.seed=" + seed + "): "
                        + broken.getMessage() + " after " + operations.last(), broken);
            }
        }
    }
}
