package com.mobayilo.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Mobayilo connects to PostgreSQL: how long it waits to connect, for a pooled connection and for one statement,
 * whether idle connections are kept alive, where LISTEN connects and whether the pool sits behind a transaction pooler
 * (docs/decisions/0034-database-connections.md). The pool's own limits stay {@code spring.r2dbc.pool.*}.
 *
 * @param listenUrl an r2dbc URL straight to PostgreSQL for LISTEN; empty means the pool's URL ({@code spring.r2dbc.url})
 */
@ConfigurationProperties("mobayilo.database")
public record DatabaseSettings(Duration connectTimeout, Duration acquireTimeout, Duration statementTimeout, Boolean keepalive,
        String listenUrl, Pooler pooler) {

    public DatabaseSettings {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        acquireTimeout = acquireTimeout == null ? Duration.ofSeconds(3) : acquireTimeout;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(15) : statementTimeout;
        keepalive = keepalive == null || keepalive;
        listenUrl = listenUrl == null ? "" : listenUrl.strip();
        pooler = pooler == null ? Pooler.NONE : pooler;
        if (!connectTimeout.isPositive() || !acquireTimeout.isPositive() || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("mobayilo.database: connect-timeout and acquire-timeout must be positive, statement-timeout zero (none) or positive");
        }
    }

    /** What sits between the pool and PostgreSQL. */
    public enum Pooler {

        /** Nothing: each pooled connection is a PostgreSQL session of its own. */
        NONE,

        /**
         * A pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}): consecutive transactions of one
         * pooled connection may run in different server sessions, so nothing may outlive a transaction.
         */
        TRANSACTION
    }
}
