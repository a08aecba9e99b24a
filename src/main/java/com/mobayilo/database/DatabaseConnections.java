package com.mobayilo.database;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The three kinds of connection to PostgreSQL, each named {@code <replica>/<role>}: the pool (which may go through a
 * pooler), the direct LISTEN connection and Flyway's direct connection (docs/decisions/0034-database-connections.md).
 * The pool's waiting limits are {@code spring.r2dbc.pool.*}, set from the same settings in application.properties.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnections {

    /** Timeouts, keepalive and name of every pooled connection; behind a transaction pooler, nothing that outlives a transaction. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer pooledConnectionOptions(DatabaseSettings settings, Environment environment) {
        var name = ConnectionRole.POOL.applicationName(ReplicaName.of(environment));
        return builder -> {
            builder.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, settings.connectTimeout())
                    .option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, settings.keepalive())
                    .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, name);
            if (settings.pooler() == DatabaseSettings.Pooler.TRANSACTION) {
                // Named prepared statements live in a server session the next transaction may not get ("S_0" already
                // exists); unnamed ones are parsed, bound and run within one message batch.
                builder.option(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES, 0);
            }
            else if (settings.statementTimeout().isPositive()) {
                // Sent as a startup parameter, which PgBouncer refuses: behind a pooler the role carries it (PoolerCheck).
                builder.option(ConnectionFactoryOptions.STATEMENT_TIMEOUT, settings.statementTimeout());
            }
        };
    }

    @Bean
    ListenConnections listenConnections(DatabaseSettings settings, Environment environment) {
        return ListenConnections.of(settings, environment, ReplicaName.of(environment));
    }

    @Bean
    @ConditionalOnProperty("spring.flyway.url")
    FlywayConnectionDetails migrationConnection(DatabaseSettings settings, Environment environment) {
        return MigrationConnection.of(settings, environment, ReplicaName.of(environment));
    }
}
