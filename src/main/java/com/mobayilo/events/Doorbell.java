package com.mobayilo.events;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.mobayilo.database.ListenConnections;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One LISTEN connection per instance, outside the pool and any pooler (docs/decisions/0034-database-connections.md).
 * Each NOTIFY rings once; so does every (re)connection, so the hub catches up from the table on whatever it missed while the connection was down.
 *
 * <p>A LISTEN connection is idle by nature, so a dead or frozen server would go unnoticed for as long as TCP allows:
 * every {@code checkEvery} it runs {@code select 1}, which must answer within {@code checkTimeout}, or the connection is
 * dropped and made again. Meanwhile the hub's poll delivers (docs/decisions/0035-behaviour-under-database-faults.md).
 */
final class Doorbell {

    private final ConnectionFactory connections;

    private final ListenState state;

    private final Duration checkEvery;

    private final Duration checkTimeout;

    Doorbell(ListenConnections direct, ListenState state, Duration checkEvery, Duration checkTimeout) {
        this.connections = direct.factory();
        this.state = state;
        this.checkEvery = checkEvery;
        this.checkTimeout = checkTimeout;
    }

    /** Rings forever: once per connection, then once per notification. Reconnects with backoff. */
    Flux<Long> rings() {
        return Flux.usingWhen(Mono.from(connections.create()).timeout(checkTimeout), this::listen, this::close)
                .doOnError(state::lost)
                .doOnComplete(() -> state.lost(new IllegalStateException("the LISTEN connection closed")))
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)));
    }

    private Flux<Long> listen(Connection connection) {
        var postgres = (PostgresqlConnection) connection;
        return postgres.createStatement("LISTEN " + CommitBell.CHANNEL).execute()
                .flatMap(result -> result.getRowsUpdated())
                .then(Mono.fromRunnable(state::listening))
                .then(Mono.just(0L))
                .concatWith(postgres.getNotifications().map(notification -> parse(notification.getParameter())))
                .mergeWith(checks(postgres));
    }

    /** Emits nothing; fails when the server stops answering on this connection. One check at a time, each after a pause. */
    private Flux<Long> checks(PostgresqlConnection connection) {
        return Mono.defer(() -> connection.createStatement("select 1").execute().flatMap(result -> result.getRowsUpdated()).then())
                .timeout(checkTimeout, Mono.error(() -> new TimeoutException("the LISTEN connection did not answer within " + checkTimeout)))
                .delaySubscription(checkEvery)
                .repeat()
                .thenMany(Flux.empty());
    }

    /** A frozen server never acknowledges the close either: do not wait for it. */
    private Mono<Void> close(Connection connection) {
        return Mono.from(connection.close()).timeout(checkTimeout).onErrorResume(ignored -> Mono.empty());
    }

    private static long parse(String id) {
        try {
            return id == null ? 0 : Long.parseLong(id);
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}
