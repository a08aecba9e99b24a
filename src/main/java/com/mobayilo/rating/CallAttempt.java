package com.mobayilo.rating;

import java.time.Instant;

import com.mobayilo.shared.Money;

/** What the guard needs to know about a call someone wants to start. */
public record CallAttempt(PhoneNumber number, boolean emailVerified, Instant accountCreatedAt, int activeCalls, Money spentToday) {
}
