package com.mobayilo.payments;

import java.time.Instant;
import java.util.Locale;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopUpTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @ParameterizedTest(name = "{1} refunded so far after {0} booked: {2} more to book")
    @CsvSource({
            "0,    0,    0",
            "0,    300,  300",
            "0,    1000, 1000",
            "300,  1000, 700",
            "300,  300,  0",
            "1000, 300,  0",
            "1000, 1000, 0" })
    void aRefundBooksOnlyWhatTheCumulativeAmountAddsToWhatWasBooked(long booked, long refundedSoFar, long delta) {
        var topUp = refunded(paid(1_000), Money.cents(booked));
        assertThat(topUp.refundDelta(Money.cents(refundedSoFar))).isEqualTo(Money.cents(delta));
    }

    @Test
    void aPartialRefundThenTheRestBookTheWholeAmountOnceAndAnOldEventAfterwardsNothing() {
        var topUp = paid(1_000);
        var first = topUp.refundDelta(Money.cents(300));
        topUp = refunded(topUp, Money.cents(300));
        var second = topUp.refundDelta(Money.cents(1_000));
        topUp = refunded(topUp, Money.cents(1_000));
        var stale = topUp.refundDelta(Money.cents(300));
        assertThat(first.plus(second).plus(stale)).isEqualTo(Money.cents(1_000));
        assertThat(stale).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = { "usd", "USD", "Usd" })
    void exactlyTheChosenAmountInDollarsMatches(String currency) {
        assertThat(paid(2_500).matches(Money.cents(2_500), currency)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "2499, usd", "2501, usd", "250, usd", "0, usd", "2500, eur", "2500, cdf", "2500, ''" })
    void anyOtherAmountOrCurrencyDoesNotMatch(long cents, String currency) {
        assertThat(paid(2_500).matches(Money.cents(cents), currency)).isFalse();
    }

    @Test
    void anOpenTopUpNeedsCreditAndAPaidOneDoesNot() {
        var open = TopUp.open(WalletId.newId(), UserId.newId(), Money.cents(1_000), Locale.ENGLISH, NOW);
        assertThat(open.needsCredit()).isTrue();
        assertThat(open.isPaid()).isFalse();
        assertThat(open.refunded()).isEqualTo(Money.ZERO);
        assertThat(paid(1_000).needsCredit()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 499, 50_001, -500 })
    void anAmountOutsideFiveToFiveHundredDollarsCannotBeBought(long cents) {
        assertThatThrownBy(() -> TopUp.open(WalletId.newId(), UserId.newId(), Money.cents(cents), Locale.ENGLISH, NOW))
                .isInstanceOfSatisfying(InvalidTopUp.class, refused -> assertThat(refused.problem()).isEqualTo(InvalidTopUp.Problem.AMOUNT_OUT_OF_RANGE));
    }

    private static TopUp paid(long cents) {
        var open = TopUp.open(WalletId.newId(), UserId.newId(), Money.cents(cents), Locale.ENGLISH, NOW);
        return new TopUp(open.id(), open.wallet(), open.payer(), open.amount(), TopUpStatus.PAID, "cs_test_a1", "pi_3QxYz", null, null, Money.ZERO,
                open.language(), NOW, NOW, open.origin(), open.savesCard());
    }

    /** The top-up as stored once {@code soFar} was booked as refunded. */
    private static TopUp refunded(TopUp topUp, Money soFar) {
        return new TopUp(topUp.id(), topUp.wallet(), topUp.payer(), topUp.amount(), topUp.status(), topUp.checkoutSessionId(), topUp.paymentIntentId(),
                null, null, soFar, topUp.language(), topUp.createdAt(), topUp.paidAt(), topUp.origin(), topUp.savesCard());
    }
}
