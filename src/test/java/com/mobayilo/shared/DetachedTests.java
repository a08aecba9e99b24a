package com.mobayilo.shared;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetachedTests {

    @Test
    void aDetachedLookupGivesTheSameValueEmptinessAndError() {
        assertThat(Detached.value(Mono.just("key")).block()).isEqualTo("key");
        assertThat(Detached.value(Mono.<String>empty()).blockOptional()).isEmpty();
        assertThatThrownBy(() -> Detached.value(Mono.error(new IllegalStateException("lookup failed"))).block())
                .isInstanceOf(IllegalStateException.class).hasMessage("lookup failed");
    }

    @Test
    void theLookupStillSeesTheSubscribersContext() {
        var lookup = Mono.deferContextual(context -> Mono.just(context.get("principal").toString()));

        assertThat(Detached.value(lookup).contextWrite(context -> context.put("principal", "ana")).block()).isEqualTo("ana");
    }

    @Test
    void cancellingTheResponseCancelsALookupStillRunning() {
        var cancelled = new AtomicBoolean();
        var subscription = Detached.value(Mono.never().doOnCancel(() -> cancelled.set(true))).subscribe();

        subscription.dispose();

        assertThat(cancelled).isTrue();
    }

    @Test
    void aLongLivedStreamKeepsNothingOfADetachedLookup() {
        assertThat(lookupStillReachableWhileStreamOpen(Detached::value)).isFalse();
    }

    /** The control: without detaching, the same stream keeps its lookup's operators, which is what P3 measured. */
    @Test
    void aLongLivedStreamKeepsAnAttachedLookup() {
        assertThat(lookupStillReachableWhileStreamOpen(UnaryOperator.identity())).isTrue();
    }

    private static boolean lookupStillReachableWhileStreamOpen(UnaryOperator<Mono<String>> opening) {
        var heavyStep = new HeavyStep();
        var step = new WeakReference<>(heavyStep);
        Disposable stream = opening.apply(Mono.just("ana").map(heavyStep)).flatMapMany(user -> Flux.<String>never()).subscribe();
        heavyStep = null;
        try {
            for (int attempt = 0; attempt < 20 && step.get() != null; attempt++) {
                System.gc();
                Thread.onSpinWait();
            }
            return step.get() != null;
        }
        finally {
            stream.dispose();
        }
    }

    /** Stands for a database lookup's parsed SQL and row metadata. */
    private static final class HeavyStep implements Function<String, String> {

        private final byte[] parsedSql = new byte[64 * 1024];

        @Override
        public String apply(String user) {
            return user + parsedSql.length;
        }
    }
}
