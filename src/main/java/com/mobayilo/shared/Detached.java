package com.mobayilo.shared;

import reactor.core.publisher.Mono;

/**
 * A lookup's value without the lookup. A Reactor operator keeps its upstream subscription after the value has
 * passed, so a long-lived response opened through a database query (an event stream) would keep that query's
 * parsed SQL, row metadata and operator chain for as long as it stays open. Running the lookup into a future and
 * reading from the future keeps only the value (docs/benchmarks.md, P3). The subscriber's context travels with it,
 * so lookups that read the security context still see it; cancelling cancels the lookup.
 */
public final class Detached {

    private Detached() {
    }

    public static <T> Mono<T> value(Mono<T> lookup) {
        return Mono.deferContextual(context -> Mono.fromFuture(() -> lookup.contextWrite(context).toFuture()));
    }
}
