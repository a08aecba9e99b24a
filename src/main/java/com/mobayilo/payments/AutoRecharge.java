package com.mobayilo.payments;

import java.util.Optional;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;

/**
 * Opt-in top-ups without the person present: when available credit falls below {@code threshold}, the saved
 * card is charged {@code amount}, as long as this month's auto-recharges stay within {@code ceiling}. A failed
 * charge turns it off, with the reason, until the person turns it on again.
 */
public record AutoRecharge(WalletId wallet, UserId payer, boolean enabled, Money threshold, Money amount, Money ceiling, Optional<SavedCard> card,
        Optional<String> disabledReason) {

    /** Most one may spend on auto-recharges in a month. */
    public static final Money HIGHEST_CEILING = Money.cents(200_000);

    public static AutoRecharge configure(WalletId wallet, UserId payer, boolean enabled, Money threshold, Money amount, Money ceiling,
            Optional<SavedCard> card) {
        if (threshold == null || threshold.isNegative() || threshold.compareTo(TopUpAmount.MOST) > 0) {
            throw new InvalidAutoRecharge(InvalidAutoRecharge.Problem.THRESHOLD, TopUpAmount.MOST.cents() / 100);
        }
        TopUpAmount.of(amount);
        if (ceiling == null || ceiling.compareTo(amount) < 0 || ceiling.compareTo(HIGHEST_CEILING) > 0) {
            throw new InvalidAutoRecharge(InvalidAutoRecharge.Problem.CEILING, HIGHEST_CEILING.cents() / 100);
        }
        return new AutoRecharge(wallet, payer, enabled, threshold, amount, ceiling, card, Optional.empty());
    }

    /** Whether a charge should be tried now, with {@code available} credit on the wallet. */
    public boolean isDue(Money available) {
        return enabled && card.isPresent() && available.compareTo(threshold) < 0;
    }

    /** The amount to charge, unless it would take this month's auto-recharges past the ceiling. */
    public Optional<Money> chargeWithin(Money chargedThisMonth) {
        return chargedThisMonth.plus(amount).compareTo(ceiling) <= 0 ? Optional.of(amount) : Optional.empty();
    }

    public AutoRecharge off(String reason) {
        return new AutoRecharge(wallet, payer, false, threshold, amount, ceiling, card, Optional.of(reason));
    }
}
