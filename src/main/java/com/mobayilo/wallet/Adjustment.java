package com.mobayilo.wallet;

import java.time.Instant;

import com.mobayilo.shared.Money;

/** An operator's credit or debit, as the audit shows it: who, when, on whose wallet, how much and why. */
public record Adjustment(Instant at, String operator, String walletOwner, Money amount, String reason) {
}
