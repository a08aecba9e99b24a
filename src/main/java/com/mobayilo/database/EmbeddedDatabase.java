package com.mobayilo.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL when no database is configured, so that one command runs Mobayilo on a fresh
 * machine (docs/decisions/0002-postgresql-for-everything.md). Its data folder survives restarts.
 *
 * <p>Registered on the shared context only; the server contexts inherit its properties.
 */
public final class EmbeddedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.containsProperty("spring.r2dbc.url")) {
            return;
        }
        var dataDirectory = Path.of(environment.getProperty("mobayilo.database.embedded.data-dir", ".data/postgres"));
        var postgres = start(dataDirectory, environment.getProperty("mobayilo.database.embedded.port", Integer.class, 0));
        use(postgres, environment);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                stop(postgres);
            }
        });
    }

    static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            var postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory.toAbsolutePath());
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
        }
    }

    private static void use(EmbeddedPostgres postgres, ConfigurableEnvironment environment) {
        var port = postgres.getPort();
        environment.getPropertySources().addLast(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres",
                "spring.r2dbc.username", "postgres",
                "spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.flyway.user", "postgres")));
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            log.warn("Embedded PostgreSQL did not stop cleanly", ex);
        }
    }
}
