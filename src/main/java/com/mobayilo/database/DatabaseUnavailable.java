package com.mobayilo.database;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.RetryLater;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * PostgreSQL cannot be reached or did not answer in time: a restart, a failover, a frozen primary, a full pool. It is
 * nobody's mistake and lifts by itself, so each edge says "temporarily unavailable, try again" (503 with Retry-After
 * on the core, a notification with a retry in the UI) instead of an error with a reference
 * (docs/decisions/0035-behaviour-under-database-faults.md).
 */
public final class DatabaseUnavailable extends DomainException implements RetryLater {

    /** Long enough for a pool to replace broken connections after a restart, short enough for a person to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final String cause;

    private DatabaseUnavailable(Throwable cause) {
        super(Kind.UNAVAILABLE, "database.unavailable");
        this.cause = cause.toString();
    }

    /** The outage behind {@code error}, if the error (or any of its causes) is one. */
    public static Optional<DatabaseUnavailable> in(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailable outage) {
                return Optional.of(outage);
            }
            if (isOutage(cause)) {
                return Optional.of(new DatabaseUnavailable(cause));
            }
        }
        return Optional.empty();
    }

    /**
     * What a lost or unresponsive database looks like from R2DBC and its pool: refused or broken connections (SQLSTATE
     * class 08, the driver's resource exceptions, I/O errors), a server shutting down or restarting (57P01 to 57P03), a
     * cancelled statement (57014, the statement timeout), a pool or deadline that ran out of time.
     */
    private static boolean isOutage(Throwable error) {
        if (error instanceof R2dbcException r2dbc && isOutageState(r2dbc.getSqlState())) {
            return true;
        }
        return error instanceof R2dbcNonTransientResourceException || error instanceof R2dbcTransientResourceException
                || error instanceof R2dbcTimeoutException || error instanceof DataAccessResourceFailureException
                || error instanceof QueryTimeoutException || error instanceof TimeoutException || error instanceof IOException;
    }

    private static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03")
                || sqlState.equals("57014"));
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }

    /** What the driver said, for one log line (never for a client). */
    public String reason() {
        return cause;
    }
}
