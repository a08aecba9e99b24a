package com.mobayilo.rating;

import java.time.LocalDate;
import java.util.List;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefixIndexTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private final List<Rate> deck = List.of(
            rate("243", "Congo DR — Landline", 25),
            rate("24381", "Congo DR — Mobile Vodacom", 22),
            rate("243812", "Congo DR — Mobile Vodacom Kinshasa", 20),
            rate("33", "France — Landline", 2),
            rate("336", "France — Mobile", 8));

    @Test
    void theLongestMatchingPrefixWins() {
        var index = PrefixIndex.of(deck, TODAY);
        assertThat(index.longestMatch("243812345678")).map(Rate::description).contains("Congo DR — Mobile Vodacom Kinshasa");
        assertThat(index.longestMatch("243815555555")).map(Rate::description).contains("Congo DR — Mobile Vodacom");
        assertThat(index.longestMatch("243120000000")).map(Rate::description).contains("Congo DR — Landline");
        assertThat(index.longestMatch("33612345678")).map(Rate::perMinute).contains(Money.cents(8));
    }

    @Test
    void aNumberNoPrefixMatchesHasNoRate() {
        var index = PrefixIndex.of(deck, TODAY);
        assertThat(index.longestMatch("4930901820")).isEmpty();
        assertThat(index.longestMatch("2")).isEmpty();
        assertThat(index.longestMatch("")).isEmpty();
    }

    @Test
    void aRateTakesEffectOnItsDayAndReplacesTheOlderOne() {
        var rows = List.of(rate("44", "United Kingdom — Landline", 2),
                new Rate("44", CountryCode.of("GB"), "United Kingdom — Landline", Money.cents(3), TODAY.plusDays(1)));
        assertThat(PrefixIndex.of(rows, TODAY).longestMatch("442079460958")).map(Rate::perMinute).contains(Money.cents(2));
        assertThat(PrefixIndex.of(rows, TODAY.plusDays(1)).longestMatch("442079460958")).map(Rate::perMinute).contains(Money.cents(3));
    }

    @Test
    void noMatchIsAClearRefusalNeverAFreeCall() {
        var number = PhoneNumber.parse("+49 30 901820", null);
        var index = PrefixIndex.of(deck, TODAY);
        assertThatThrownBy(() -> index.longestMatch(number.digits()).orElseThrow(() -> new NoRate(number)))
                .isInstanceOfSatisfying(NoRate.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("rating.norate"));
    }

    @Test
    void minutesAreWholeAndNeverNegative() {
        var rate = rate("243", "Congo DR", 22);
        assertThat(rate.minutesFor(Money.cents(500))).isEqualTo(22);
        assertThat(rate.minutesFor(Money.cents(21))).isZero();
        assertThat(rate.minutesFor(Money.cents(-300))).isZero();
    }

    private static Rate rate(String prefix, String description, long cents) {
        return new Rate(prefix, prefix.startsWith("33") ? CountryCode.of("FR") : CountryCode.of("CD"), description, Money.cents(cents), Rate.ALWAYS);
    }
}
