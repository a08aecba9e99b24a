package com.mobayilo.wallet;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.mobayilo.events.EventLog;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The double-entry ledger (docs/decisions/0010-double-entry-ledger.md). Each operation is one database
 * transaction: the journal transaction, then one statement that changes the wallet, books its postings and
 * appends the {@code balance.changed} event. Posting is idempotent on the entry's key; the whole transaction is
 * retried on serialization failures, deadlocks and concurrent changes.
 */
@Service
public class Ledger {

    private final Wallets wallets;

    private final Holds holds;

    private final Journal journal;

    private final EventLog events;

    private final TransactionalOperator transaction;

    private final Clock clock;

    Ledger(Wallets wallets, Holds holds, Journal journal, EventLog events, TransactionalOperator transaction, Clock clock) {
        this.wallets = wallets;
        this.holds = holds;
        this.journal = journal;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The owner's wallet, opened empty on first use. */
    public Mono<Wallet> walletOf(Owner owner) {
        return wallets.findByOwner(owner).switchIfEmpty(Mono.defer(() -> wallets.open(owner)));
    }

    public Mono<Balance> balance(WalletId wallet) {
        return wallets.find(wallet).map(Wallet::toBalance);
    }

    /** Adds credit: a top-up, a promotion or a positive adjustment. */
    public Mono<Posted> credit(WalletId wallet, Money amount, JournalEntry entry) {
        Amounts.requirePositive(amount);
        return post(wallet, amount, entry);
    }

    /** Takes credit away: a refund, a chargeback (both may overdraw) or a negative adjustment (may not). */
    public Mono<Posted> debit(WalletId wallet, Money amount, JournalEntry entry) {
        Amounts.requirePositive(amount);
        return post(wallet, amount.negate(), entry);
    }

    private Mono<Posted> post(WalletId walletId, Money delta, JournalEntry entry) {
        return Mono.defer(() -> journal.begin(entry)
                        .flatMap(transactionId -> wallets.post(walletId, delta, entry.kind(), transactionId)
                                .switchIfEmpty(Mono.defer(() -> refuseDebit(walletId, delta, entry.kind())))
                                .flatMap(this::announced)
                                .map(after -> new Posted(transactionId, after.toBalance(), false)))
                        .switchIfEmpty(Mono.defer(() -> alreadyPosted(walletId, entry))))
                .as(transaction::transactional)
                .retryWhen(Transient.retry());
    }

    /** The conditional update said no: explain why with the wallet's rule, or run again if it changed meanwhile. */
    private Mono<Wallets.Changed> refuseDebit(WalletId walletId, Money delta, TransactionKind kind) {
        return wallets.find(walletId)
                .map(wallet -> wallet.debit(delta.negate(), kind))
                .flatMap(stillPossible -> Mono.error(new ConcurrentChange(walletId)));
    }

    private Mono<Posted> alreadyPosted(WalletId walletId, JournalEntry entry) {
        return journal.findByKey(entry.idempotencyKey())
                .zipWith(balance(walletId), (existing, balance) -> new Posted(existing, balance, true));
    }

    /** Reserves credit for something in progress, typically a call. Placing the same key twice gives one hold. */
    public Mono<Hold> hold(WalletId walletId, Money amount, Memo reason, String reference, Duration lifetime, String idempotencyKey) {
        var hold = Hold.place(walletId, amount, reason, reference, clock.instant().plus(lifetime));
        return Mono.defer(() -> holds.findByKey(idempotencyKey).switchIfEmpty(Mono.defer(() -> reserve(hold, idempotencyKey, lifetime))))
                .as(transaction::transactional)
                .retryWhen(Transient.retry())
                .onErrorResume(DuplicateKeyException.class, raced -> holds.findByKey(idempotencyKey));
    }

    /**
     * Places a hold whose key the caller has just found unused, under its own lock and in its own transaction (a
     * call's start): no read first. A key that was used fails the transaction with a {@link DuplicateKeyException}.
     */
    public Mono<Hold> holdNew(WalletId walletId, Money amount, Memo reason, String reference, Duration lifetime, String idempotencyKey) {
        var hold = Hold.place(walletId, amount, reason, reference, clock.instant().plus(lifetime));
        return Mono.defer(() -> reserve(hold, idempotencyKey, lifetime)).as(transaction::transactional).retryWhen(Transient.retry());
    }

    private Mono<Hold> reserve(Hold hold, String idempotencyKey, Duration lifetime) {
        return wallets.reserve(hold, idempotencyKey, lifetime.toSeconds())
                .switchIfEmpty(Mono.defer(() -> refuseHold(hold)))
                .flatMap(this::announced)
                .thenReturn(hold);
    }

    private Mono<Wallets.Changed> refuseHold(Hold hold) {
        return wallets.find(hold.wallet())
                .map(wallet -> wallet.hold(hold.amount()))
                .flatMap(stillPossible -> Mono.error(new ConcurrentChange(hold.wallet())));
    }

    /**
     * Charges {@code charge} (at most the hold) and frees the rest, in one transaction. Capturing a hold that was
     * already captured answers the earlier capture; it never charges twice.
     */
    public Mono<Hold> capture(HoldId holdId, Money charge, Memo memo) {
        return Mono.defer(() -> holds.find(holdId)
                        .switchIfEmpty(Mono.error(WalletNotFound::new))
                        .flatMap(hold -> hold.status() == HoldStatus.CAPTURED ? Mono.just(hold) : captureActive(hold.capture(charge), memo)))
                .as(transaction::transactional)
                .retryWhen(Transient.retry());
    }

    private Mono<Hold> captureActive(Hold captured, Memo memo) {
        return holds.end(captured)
                .flatMap(ended -> booking(ended, memo)
                        .flatMap(transactionId -> wallets.settle(ended, ended.captured(), transactionId.orElse(null)))
                        .flatMap(this::announced)
                        .thenReturn(ended))
                .switchIfEmpty(Mono.defer(() -> alreadyEnded(captured.id())));
    }

    /** The journal transaction for a call's charge; none for a free call. */
    private Mono<Optional<UUID>> booking(Hold captured, Memo memo) {
        if (captured.captured().isZero()) {
            return Mono.just(Optional.empty());
        }
        var source = captured.reference() == null ? captured.id().toString() : captured.reference();
        return journal.begin(new JournalEntry(TransactionKind.CALL_CHARGE, "HOLD", source, memo, "capture:" + captured.id(), null)).map(Optional::of);
    }

    /** Someone else ended the hold first: a capture is answered with it, anything else is refused. */
    private Mono<Hold> alreadyEnded(HoldId holdId) {
        return holds.find(holdId).flatMap(current -> current.status() == HoldStatus.CAPTURED
                ? Mono.just(current) : Mono.error(new HoldNotActive(holdId, current.status())));
    }

    /** Returns the whole hold to available credit. Releasing a hold that already ended changes nothing. */
    public Mono<Hold> release(HoldId holdId) {
        return endWithoutCharge(holdId, Hold::release);
    }

    /** Expires holds past their time, returning their credit. */
    public Mono<Long> expireHolds() {
        var now = clock.instant();
        return holds.expiredIds(200)
                .concatMap(id -> endWithoutCharge(id, hold -> hold.expire(now)).onErrorResume(HoldNotActive.class, gone -> Mono.empty()))
                .count();
    }

    private Mono<Hold> endWithoutCharge(HoldId holdId, UnaryOperator<Hold> ending) {
        return Mono.defer(() -> holds.find(holdId)
                        .switchIfEmpty(Mono.error(WalletNotFound::new))
                        .flatMap(hold -> hold.isActive() ? endAndFree(ending.apply(hold)) : Mono.just(hold)))
                .as(transaction::transactional)
                .retryWhen(Transient.retry());
    }

    private Mono<Hold> endAndFree(Hold ended) {
        return holds.end(ended)
                .flatMap(done -> wallets.settle(done, Money.ZERO, null).flatMap(this::announced).thenReturn(done))
                .switchIfEmpty(Mono.defer(() -> holds.find(ended.id())));
    }

    private Mono<Wallet> announced(Wallets.Changed changed) {
        return events.appended(changed.eventId()).thenReturn(changed.wallet());
    }
}
