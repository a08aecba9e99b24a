package com.mobayilo.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell rings from {@code afterCommit}, on whichever thread committed. A ring that threw there turned a committed
 * ledger change into an error for its caller (CI: LedgerConcurrencyIntegrationTests, "Transaction synchronization is
 * not active"), so ringing must never fail, however many threads ring while a placing is slow.
 */
class CommitBellTests {

    private static final int THREADS = 8;

    private static final int RINGS = 10;

    @Test
    void ringsFromManyThreadsWhilePlacingIsSlowNeverFailAndTheLastRingIsPlaced() throws Exception {
        var lastRing = new AtomicLong();
        var placingsStarted = new ConcurrentLinkedQueue<Long>();
        var sequencer = new EventSequencer(null, null) {
            @Override
            Mono<Long> sequence() {
                placingsStarted.add(System.nanoTime());
                // A placing that takes a while, on the ringing thread, as a busy pool makes it.
                sleep(60);
                return Mono.just(0L);
            }
        };
        var bell = new CommitBell(null, sequencer);
        bell.start();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = 0; i < RINGS; i++) {
                    try {
                        // The commit this ring stands for is done from here on: a placing must start after it.
                        lastRing.accumulateAndGet(System.nanoTime(), Math::max);
                        bell.ring(i);
                    } catch (RuntimeException ex) {
                        failures.add(ex);
                    }
                }
            }));
        }
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        sleep(300);
        bell.stop();

        assertThat(failures).isEmpty();
        assertThat(placingsStarted.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(lastRing.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
