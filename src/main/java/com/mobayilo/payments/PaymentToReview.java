package com.mobayilo.payments;

import java.time.Instant;

import com.mobayilo.shared.Money;

/**
 * A payment whose refunds and disputes asked back more than it credited: the excess was not booked, and a person
 * should find out why (docs/decisions/0024-taking-back-payments-and-memo-keys.md).
 */
public record PaymentToReview(TopUpId topUp, Instant since, String payer, Money amount, TopUpStatus status, Money refunded, Money disputed,
        Money excess) {
}
