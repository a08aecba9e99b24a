package com.mobayilo.wallet;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The double-entry ledger (docs/decisions/0010-double-entry-ledger.md). Each operation is one database
 * transaction: the wallet's conditional update, the journal transaction with its postings, and the
 * {@code balance.changed} event, appended last. Posting is idempotent on the entry's key; the whole
 * transaction is retried on serialization failures and deadlocks.
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
                        .flatMap(transactionId -> applyPosting(walletId, delta, entry, transactionId))
                        .switchIfEmpty(Mono.defer(() -> alreadyPosted(walletId, entry))))
                .as(transaction::transactional)
                .retryWhen(Transient.retry());
    }

    private Mono<Posted> applyPosting(WalletId walletId, Money delta, JournalEntry entry, UUID transactionId) {
        return wallets.changeBalance(walletId, delta, entry.kind().mayOverdraw())
                .switchIfEmpty(Mono.defer(() -> refuseDebit(walletId, delta, entry.kind())))
                .flatMap(after -> journal.post(transactionId, entry.kind(), walletId, delta, after.balance()).thenReturn(after))
                .flatMap(this::announce)
                .map(after -> new Posted(transactionId, after.toBalance(), false));
    }

    /** The conditional update said no: explain why with the wallet's rule, or try again if it changed meanwhile. */
    private Mono<Wallet> refuseDebit(WalletId walletId, Money delta, TransactionKind kind) {
        return wallets.find(walletId)
                .map(wallet -> wallet.debit(delta.negate(), kind))
                .flatMap(stillPossible -> Mono.error(new ConcurrentChange(walletId)));
    }

    private Mono<Posted> alreadyPosted(WalletId walletId, JournalEntry entry) {
        return journal.findByKey(entry.idempotencyKey())
                .zipWith(balance(walletId), (existing, balance) -> new Posted(existing, balance, true));
    }

    /** Reserves credit for something in progress, typically a call. Placing the same key twice gives one hold. */
    public Mono<Hold> hold(WalletId walletId, Money amount, String reason, String reference, Duration lifetime, String idempotencyKey) {
        var hold = Hold.place(walletId, amount, reason, reference, clock.instant().plus(lifetime));
        return Mono.defer(() -> holds.findByKey(idempotencyKey)
                        .switchIfEmpty(Mono.defer(() -> placeHold(hold, lifetime, idempotencyKey))))
                .as(transaction::transactional)
                .retryWhen(Transient.retry())
                .onErrorResume(DuplicateKeyException.class, raced -> holds.findByKey(idempotencyKey));
    }

    private Mono<Hold> placeHold(Hold hold, Duration lifetime, String idempotencyKey) {
        return wallets.reserve(hold.wallet(), hold.amount())
                .switchIfEmpty(Mono.defer(() -> refuseHold(hold)))
                .flatMap(after -> holds.insert(hold, idempotencyKey, lifetime).flatMap(placed -> announce(after).thenReturn(placed)));
    }

    private Mono<Wallet> refuseHold(Hold hold) {
        return wallets.find(hold.wallet())
                .map(wallet -> wallet.hold(hold.amount()))
                .flatMap(stillPossible -> Mono.error(new ConcurrentChange(hold.wallet())));
    }

    /**
     * Charges {@code charge} (at most the hold) and frees the rest, in one transaction. Capturing a hold that was
     * already captured answers the earlier capture; it never charges twice.
     */
    public Mono<Hold> capture(HoldId holdId, Money charge, String memo) {
        return Mono.defer(() -> holds.find(holdId)
                        .switchIfEmpty(Mono.error(WalletNotFound::new))
                        .flatMap(hold -> hold.status() == HoldStatus.CAPTURED ? Mono.just(hold) : captureActive(hold.capture(charge), memo)))
                .as(transaction::transactional)
                .retryWhen(Transient.retry());
    }

    private Mono<Hold> captureActive(Hold captured, String memo) {
        return holds.end(captured)
                .flatMap(ended -> wallets.settle(ended.wallet(), ended.amount(), ended.captured())
                        .flatMap(after -> bookCharge(ended, after, memo))
                        .flatMap(this::announce)
                        .thenReturn(ended))
                .switchIfEmpty(Mono.defer(() -> alreadyEnded(captured.id())));
    }

    /** The charge as a journal transaction from the wallet to call revenue; nothing to book for a free call. */
    private Mono<Wallet> bookCharge(Hold captured, Wallet after, String memo) {
        if (captured.captured().isZero()) {
            return Mono.just(after);
        }
        var source = captured.reference() == null ? captured.id().toString() : captured.reference();
        var entry = new JournalEntry(TransactionKind.CALL_CHARGE, "HOLD", source, memo, "capture:" + captured.id(), null);
        return journal.begin(entry)
                .flatMap(transactionId -> journal.post(transactionId, TransactionKind.CALL_CHARGE, after.id(), captured.captured().negate(), after.balance())
                        .then(holds.link(captured.id(), transactionId)))
                .thenReturn(after);
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
        return holds.expiredIds(200).concatMap(id -> endWithoutCharge(id, hold -> hold.expire(now)).onErrorResume(HoldNotActive.class, gone -> Mono.empty())).count();
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
                .flatMap(done -> wallets.settle(done.wallet(), done.amount(), Money.ZERO).flatMap(this::announce).thenReturn(done))
                .switchIfEmpty(Mono.defer(() -> holds.find(ended.id())));
    }

    private Mono<Wallet> announce(Wallet wallet) {
        return events.append(Streams.wallet(wallet.id().value()), BalanceChanged.TYPE, BalanceChanged.of(wallet)).thenReturn(wallet);
    }
}
