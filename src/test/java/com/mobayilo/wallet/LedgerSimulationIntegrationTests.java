package com.mobayilo.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same seeded random operations run on PostgreSQL and on the domain model, by eight workers at once:
 * after every operation both must have refused the same things and hold the same balances, and the
 * database's own consistency check must pass throughout. A failure names its seed; {@code -Dledger.seed=N} replays it.
 */
class LedgerSimulationIntegrationTests {

    private static final int WORKERS = 8;

    private static final int OPERATIONS_PER_WORKER = 640;

    @Test
    void fiveThousandConcurrentRandomOperationsMatchTheModelAndKeepTheLedgerConsistent() throws Exception {
        var app = TestApp.shared();
        var ledger = app.bean(Ledger.class);
        var check = app.bean(LedgerCheck.class);
        var baseSeed = Long.getLong("ledger.seed", System.nanoTime());
        var workers = new ArrayList<Callable<Void>>();
        for (int worker = 0; worker < WORKERS; worker++) {
            var seed = baseSeed + worker;
            workers.add(() -> simulate(seed, ledger, check));
        }
        try (var pool = Executors.newFixedThreadPool(WORKERS)) {
            for (var result : pool.invokeAll(workers)) {
                result.get();
            }
        }
        assertThat(check.run().block().isConsistent()).as("ledger consistent after the run (seed " + baseSeed + ")").isTrue();
    }

    private static Void simulate(long seed, Ledger ledger, LedgerCheck check) {
        var model = new LedgerModel();
        var wallets = new ArrayList<WalletId>();
        for (int i = 0; i < 3; i++) {
            var wallet = ledger.walletOf(Owner.user(UUID.randomUUID())).block();
            wallets.add(model.open(wallet.id()));
        }
        var operations = new RandomOperations(seed, wallets);
        var real = new RealLedger(ledger);
        for (int step = 0; step < OPERATIONS_PER_WORKER; step++) {
            try {
                operations.next(List.of(model, real));
                model.checkInvariants();
                for (var id : wallets) {
                    var stored = ledger.balance(id).block();
                    if (!stored.balance().equals(model.wallet(id).balance()) || !stored.held().equals(model.wallet(id).held())) {
                        throw new AssertionError("The ledgers' balances differ");
                    }
                }
                if (step % 160 == 159) {
                    var report = check.run().block();
                    assertThat(report.isConsistent()).as(report.toString()).isTrue();
                }
            }
            catch (AssertionError broken) {
                throw new AssertionError("Seed " + seed + " failed at step " + step + " (rerun with -Dledger.seed=" + seed + "): " + broken.getMessage() + " after " + operations.last() + "; model " + wallets.stream().map(model::wallet).toList()
                        + "; database " + wallets.stream().map(id -> ledger.balance(id).block()).toList(), broken);
            }
        }
        return null;
    }
}
