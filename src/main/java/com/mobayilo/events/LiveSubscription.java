package com.mobayilo.events;

import java.util.Set;

import reactor.core.publisher.Flux;

/**
 * A subscriber's live feed. Every event it will receive has an id above {@link #horizon()}, and every event of
 * its streams up to the horizon is in the table, so "replay up to the horizon, then live" has no gap and no
 * duplicate. Close it when done.
 */
public interface LiveSubscription extends AutoCloseable {

    long horizon();

    Set<String> streams();

    Flux<Event> events();

    @Override
    void close();
}
