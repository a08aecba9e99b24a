package com.mobayilo.database;

import java.time.Duration;
import java.util.function.Supplier;

import io.r2dbc.spi.R2dbcException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * One unit of work is one PostgreSQL transaction, run again whole after a serialization failure, a deadlock
 * or a concurrent change. Only the outermost unit retries: once PostgreSQL has failed a statement the
 * transaction is dead, so a step that joined someone else's transaction can only fail and let the unit that
 * opened it start again from a clean state (docs/decisions/0025-one-retry-per-unit-of-work.md).
 */
@Component
public class UnitOfWork {

    private static final RetryBackoffSpec POLICY = Retry.backoff(8, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200)).jitter(0.5)
            .filter(UnitOfWork::isTransient);

    private final TransactionalOperator transaction;

    UnitOfWork(TransactionalOperator transaction) {
        this.transaction = transaction;
    }

    /** Runs {@code work} in the caller's transaction if there is one, else in its own, retried as a whole. */
    public <T> Mono<T> run(Supplier<Mono<T>> work) {
        return insideTransaction().flatMap(inside -> inside ? Mono.defer(work) : Mono.defer(work).as(transaction::transactional).retryWhen(POLICY));
    }

    private static Mono<Boolean> insideTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .map(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, none -> Mono.just(false));
    }

    /** Failures worth running the whole transaction again for. */
    private static boolean isTransient(Throwable error) {
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
