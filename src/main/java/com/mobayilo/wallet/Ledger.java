package com.mobayilo.wallet;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.mobayilo.database.UnitOfWork;
import com.mobayilo.events.EventLog;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The double-entry ledger (docs/decisions/0010-double-entry-ledger.md). Each operation is one database
 * transaction: the journal transaction, then one statement that changes the wallet, books its postings and
 * appends the {@code balance.changed} event. Posting is idempotent on the entry's key. Each operation joins the
 * caller's unit of work when there is one (a call's settlement, a payment's booking), and only that outermost unit
 * runs again after a serialization failure, a deadlock or a concurrent change
 * (docs/decisions/0025-one-retry-per-unit-of-work.md).
 */
@Service
public class Ledger {

    private final Wallets wallets;

    private final Holds holds;

    private final Journal journal;

    private final EventLog events;

    private final UnitOfWork unitOfWork;

    private final Clock clock;

    Ledger(Wallets wallets, Holds holds, Journal journal, EventLog events, UnitOfWork unitOfWork, Clock clock) {
        this.wallets = wallets;
        this.holds = holds;
        this.journal = journal;
        this.events = events;
        this.unitOfWork = unitOfWork;
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
        return unitOfWork.run(() -> journal.begin(entry)
                .flatMap(transactionId -> wallets.post(walletId, delta, entry.kind(), transactionId)
                        .switchIfEmpty(Mono.defer(() -> refuseDebit(walletId, delta, entry.kind())))
                        .flatMap(this::announced)
                        .map(after -> new Posted(transactionId, after.toBalance(), false)))
                .switchIfEmpty(Mono.defer(() -> alreadyPosted(walletId, entry))));
    }

    /**
     * The conditional update said no: explain why with the wallet's rule, or have the whole unit of work run again
     * if the wallet changed meanwhile (the journal transaction begun in it is rolled back with it).
     */
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
        return unitOfWork.run(() -> holds.findByKey(idempotencyKey).switchIfEmpty(Mono.defer(() -> reserve(hold, idempotencyKey, lifetime))))
                .onErrorResume(DuplicateKeyException.class, raced -> holds.findByKey(idempotencyKey));
    }

    /**
     * Holds as many whole {@code units} as the wallet has available, up to {@code most}, sized against the wallet's
     * row in the statement that takes them, so a concurrent hold on a shared wallet can shrink this one but never
     * makes it fail while one unit is left. Refused with {@link InsufficientCredit} when not even one unit is
     * available. The key must be unused (a call's start checks it under its caller's lock): one that was used
     * fails the unit of work with a {@link DuplicateKeyException}.
     */
    public Mono<Hold> holdUpTo(WalletId walletId, Money unit, long most, Memo reason, String reference, Duration lifetime, String idempotencyKey) {
        var wanted = Hold.place(walletId, unit.times(most), reason, reference, clock.instant().plus(lifetime));
        return unitOfWork.run(() -> wallets.reserveUpTo(wanted, unit, idempotencyKey, lifetime.toSeconds())
                .switchIfEmpty(Mono.defer(() -> refuseUnit(walletId, unit)))
                .flatMap(reserved -> announced(reserved.changed()).thenReturn(reserved.hold())));
    }

    private Mono<Wallets.Reserved> refuseUnit(WalletId walletId, Money unit) {
        return wallets.find(walletId).flatMap(wallet -> Mono.error(new InsufficientCredit(unit, wallet.available())));
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
        return unitOfWork.run(() -> holds.find(holdId)
                .switchIfEmpty(Mono.error(WalletNotFound::new))
                .flatMap(hold -> hold.status() == HoldStatus.CAPTURED ? Mono.just(hold) : captureActive(hold.capture(charge), memo)));
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
        return unitOfWork.run(() -> holds.find(holdId)
                .switchIfEmpty(Mono.error(WalletNotFound::new))
                .flatMap(hold -> hold.isActive() ? endAndFree(ending.apply(hold)) : Mono.just(hold)));
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
