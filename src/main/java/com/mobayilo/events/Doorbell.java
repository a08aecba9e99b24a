package com.mobayilo.events;

import java.time.Duration;

import com.mobayilo.database.ListenConnections;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One LISTEN connection per instance, outside the pool and any pooler (docs/decisions/0034-database-connections.md).
 * Each NOTIFY rings once; so does every (re)connection, so the hub catches up from the table on whatever it missed
 * while the connection was down.
 */
final class Doorbell {

    private static final Logger log = LoggerFactory.getLogger(Doorbell.class);

    private final ConnectionFactory connections;

    Doorbell(ListenConnections direct) {
        this.connections = direct.factory();
    }

    /** Rings forever: once per connection, then once per notification. Reconnects with backoff. */
    Flux<Long> rings() {
        return Flux.usingWhen(connections.create(), this::listen, connection -> connection.close())
                .doOnError(ex -> log.warn("Event listener connection lost, reconnecting: {}", ex.toString()))
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)));
    }

    private Flux<Long> listen(io.r2dbc.spi.Connection connection) {
        var postgres = (PostgresqlConnection) connection;
        return postgres.createStatement("LISTEN " + CommitBell.CHANNEL).execute()
                .flatMap(result -> result.getRowsUpdated())
                .then(Mono.just(0L))
                .concatWith(postgres.getNotifications().map(notification -> parse(notification.getParameter())));
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
