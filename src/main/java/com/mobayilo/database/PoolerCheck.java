package com.mobayilo.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Behind a transaction pooler the pool cannot send its statement timeout (PgBouncer refuses startup parameters it does
 * not know), so the role or database must carry it ({@code ALTER ROLE … SET statement_timeout}). This says at start
 * whether it does, because an unbounded statement is what turns a frozen primary into hung requests
 * (docs/decisions/0034-database-connections.md).
 */
@Component
class PoolerCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PoolerCheck.class);

    private final DatabaseSettings settings;

    private final DatabaseClient db;

    PoolerCheck(DatabaseSettings settings, DatabaseClient db) {
        this.settings = settings;
        this.db = db;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.pooler() != DatabaseSettings.Pooler.TRANSACTION) {
            return;
        }
        db.sql("select current_setting('statement_timeout') as timeout").map(row -> row.get("timeout", String.class)).one()
                .timeout(Duration.ofSeconds(30))
                .subscribe(this::report, failed -> log.warn("Could not read the statement timeout through the pooler: {}", failed.toString()));
    }

    private void report(String timeout) {
        if ("0".equals(timeout)) {
            log.warn("Statements through the transaction pooler have no timeout: set one on the database role, e.g. "
                    + "ALTER ROLE <user> SET statement_timeout = '{}ms' (MOBAYILO_DATABASE_STATEMENT_TIMEOUT cannot be sent through a pooler)",
                    settings.statementTimeout().toMillis());
        }
        else {
            log.info("Statements through the transaction pooler time out after {} (set on the role or database)", timeout);
        }
    }
}
