package com.mobayilo.payments;

import java.time.Instant;
import java.util.Locale;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;

/**
 * One purchase of credit. It is credited once, when Stripe confirms the payment, for exactly the amount the
 * person chose; refunds are booked by how much more was refunded than before.
 */
public record TopUp(TopUpId id, WalletId wallet, UserId payer, Money amount, TopUpStatus status, String checkoutSessionId,
        String paymentIntentId, String cardBrand, String cardLast4, Money refunded, Locale language, Instant createdAt, Instant paidAt,
        Origin origin, boolean savesCard) {

    /** How the payment was made: by the person at checkout, or by auto-recharge on their saved card. */
    public enum Origin { CHECKOUT, AUTO_RECHARGE }

    /** A purchase at checkout; {@code savesCard} keeps the card for auto-recharge. */
    public static TopUp open(WalletId wallet, UserId payer, Money amount, Locale language, boolean savesCard, Instant now) {
        return new TopUp(TopUpId.random(), wallet, payer, TopUpAmount.of(amount), TopUpStatus.OPEN, null, null, null, null, Money.ZERO,
                language, now, null, Origin.CHECKOUT, savesCard);
    }

    public static TopUp open(WalletId wallet, UserId payer, Money amount, Locale language, Instant now) {
        return open(wallet, payer, amount, language, false, now);
    }

    /** A charge of the saved card, made because the wallet fell below its auto-recharge threshold. */
    static TopUp autoRecharge(WalletId wallet, UserId payer, Money amount, Locale language, Instant now) {
        return new TopUp(TopUpId.random(), wallet, payer, TopUpAmount.of(amount), TopUpStatus.OPEN, null, null, null, null, Money.ZERO,
                language, now, null, Origin.AUTO_RECHARGE, false);
    }

    public boolean isAutoRecharge() {
        return origin == Origin.AUTO_RECHARGE;
    }

    /** Paid: true when this payment is new and the wallet is to be credited. */
    public boolean needsCredit() {
        return status != TopUpStatus.PAID;
    }

    /** Whether {@code paid} (what Stripe charged, in cents of {@code currency}) is exactly what was chosen. */
    public boolean matches(Money paid, String currency) {
        return amount.equals(paid) && Money.CURRENCY.getCurrencyCode().equalsIgnoreCase(currency);
    }

    /** The part of a cumulative refund not booked yet; zero when it was (an old or repeated event). */
    public Money refundDelta(Money refundedSoFar) {
        var delta = refundedSoFar.minus(refunded);
        return delta.isPositive() ? delta : Money.ZERO;
    }

    public boolean isPaid() {
        return status == TopUpStatus.PAID;
    }
}
