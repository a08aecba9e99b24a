package com.mobayilo.database;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.core.env.Environment;

/**
 * Where the LISTEN connection comes from: {@code MOBAYILO_DATABASE_LISTEN_URL}, straight to PostgreSQL, outside the
 * pool. A LISTEN lives as long as its session, which a transaction pooler does not keep, so behind one the app refuses
 * to start without a direct URL rather than stop hearing other replicas (docs/decisions/0034-database-connections.md).
 */
public final class ListenConnections {

    private final ConnectionFactory factory;

    private final String url;

    private ListenConnections(ConnectionFactory factory, String url) {
        this.factory = factory;
        this.url = url;
    }

    static ListenConnections of(DatabaseSettings settings, Environment environment, String replica) {
        var listening = environment.getProperty("mobayilo.events.listen", Boolean.class, true);
        if (listening && settings.pooler() == DatabaseSettings.Pooler.TRANSACTION && settings.listenUrl().isEmpty()) {
            throw new IllegalStateException("MOBAYILO_DATABASE_POOLER=transaction needs MOBAYILO_DATABASE_LISTEN_URL, an r2dbc URL straight to "
                    + "PostgreSQL: LISTEN does not survive a transaction pooler. Or set MOBAYILO_EVENTS_LISTEN=false to hear other replicas "
                    + "only at each poll.");
        }
        var url = (settings.listenUrl().isEmpty() ? environment.getProperty("spring.r2dbc.url", "") : settings.listenUrl())
                .replaceFirst("^r2dbc:pool:", "r2dbc:");
        if (url.isEmpty()) {
            return new ListenConnections(null, url);
        }
        var parsed = ConnectionFactoryOptions.parse(url);
        var options = parsed.mutate()
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, settings.connectTimeout())
                .option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, settings.keepalive())
                .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, ConnectionRole.LISTEN.applicationName(replica));
        if (!parsed.hasOption(ConnectionFactoryOptions.USER)) {
            options.option(ConnectionFactoryOptions.USER, environment.getProperty("spring.r2dbc.username", ""));
        }
        if (!parsed.hasOption(ConnectionFactoryOptions.PASSWORD)) {
            options.option(ConnectionFactoryOptions.PASSWORD, environment.getProperty("spring.r2dbc.password", ""));
        }
        return new ListenConnections(ConnectionFactories.get(options.build()), url);
    }

    /** A factory of unpooled connections to PostgreSQL itself; each one is the caller's to close. */
    public ConnectionFactory factory() {
        if (factory == null) {
            throw new IllegalStateException("No database URL for LISTEN: set SPRING_R2DBC_URL or MOBAYILO_DATABASE_LISTEN_URL");
        }
        return factory;
    }

    @Override
    public String toString() {
        return "ListenConnections[" + url.replaceAll("//[^/@]*@", "//") + "]";
    }
}
