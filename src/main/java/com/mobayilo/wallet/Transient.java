package com.mobayilo.wallet;

import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Database failures worth running the whole transaction again for: serialization failures and deadlocks. */
final class Transient {

    private Transient() {
    }

    static RetryBackoffSpec retry() {
        return Retry.backoff(8, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200)).jitter(0.5).filter(Transient::isTransient);
    }

    static boolean isTransient(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof R2dbcException r2dbc && ("40001".equals(r2dbc.getSqlState()) || "40P01".equals(r2dbc.getSqlState()))) {
                return true;
            }
        }
        return false;
    }
}
