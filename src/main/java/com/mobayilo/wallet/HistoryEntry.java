package com.mobayilo.wallet;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.shared.Money;

/** One line of a wallet's history: what happened, by how much, and the balance it left. */
public record HistoryEntry(UUID transaction, Instant at, TransactionKind kind, Money amount, Money balanceAfter, Memo memo) {
}
