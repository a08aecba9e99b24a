package com.mobayilo.rating;

import com.mobayilo.shared.Money;

/**
 * What an account may spend in a day, and why that much: the lower cap of an account in its first
 * {@code newAccountDays} days, or everyone's cap. The dialer names the reason when the cap is what limits a call.
 */
public record DailyCap(Money amount, boolean forNewAccount, int newAccountDays) {
}
