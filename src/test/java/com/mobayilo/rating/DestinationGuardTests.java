package com.mobayilo.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's decision table: each row is a call someone tries to start, and what the guard says. */
class DestinationGuardTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static final DestinationPolicy POLICY = new DestinationPolicy(Money.cents(2000), Money.cents(500), 7, 1);

    private static final List<BlockedPrefix> BLOCKED = List.of(new BlockedPrefix("2399", "Known IRSF range", NOW));

    @ParameterizedTest(name = "{0}: verified={1}, account {2} days old, {3} call(s) active, spent {4} → {5}")
    @CsvSource(delimiter = '|', textBlock = """
            +243 81 234 5678  | true  | 30 | 0 | 0    | ALLOWED
            +243 81 234 5678  | false | 30 | 0 | 0    | EMAIL_NOT_VERIFIED
            +33 8 99 12 34 56 | true  | 30 | 0 | 0    | PREMIUM_RATE
            +881 631 234 567  | true  | 30 | 0 | 0    | INTERNATIONAL_NETWORK
            +870 773 111 632  | true  | 30 | 0 | 0    | INTERNATIONAL_NETWORK
            +239 9912 345     | true  | 30 | 0 | 0    | HIGH_RISK_DESTINATION
            +243 81 234 5678  | true  | 30 | 1 | 0    | TOO_MANY_CALLS
            +243 81 234 5678  | true  | 30 | 0 | 1990 | DAILY_CAP_REACHED
            +243 81 234 5678  | true  | 30 | 0 | 1978 | ALLOWED
            +243 81 234 5678  | true  | 2  | 0 | 480  | DAILY_CAP_REACHED
            +243 81 234 5678  | true  | 2  | 0 | 478  | ALLOWED
            +243 81 234 5678  | true  | 8  | 0 | 480  | ALLOWED
            """)
    void decides(String number, boolean verified, int accountAgeDays, int activeCalls, long spentToday, String expected) {
        var attempt = new CallAttempt(PhoneNumber.parse(number, CountryCode.of("CD")), verified, NOW.minus(Duration.ofDays(accountAgeDays)),
                activeCalls, Money.cents(spentToday));
        if (expected.equals("ALLOWED")) {
            var clearance = decide(attempt);
            assertThat(clearance.rate().perMinute()).isEqualTo(Money.cents(22));
            assertThat(clearance.spendableToday().cents()).isEqualTo((accountAgeDays < 7 ? 500 : 2000) - spentToday);
        }
        else {
            assertThatThrownBy(() -> decide(attempt)).isInstanceOfSatisfying(DestinationBlocked.class,
                    refusal -> assertThat(refusal.reason().name()).isEqualTo(expected));
        }
    }

    @Test
    void aNumberWithoutARateIsRefusedNotFree() {
        var attempt = new CallAttempt(PhoneNumber.parse("+49 30 901820", null), true, NOW.minus(Duration.ofDays(30)), 0, Money.ZERO);
        assertThatThrownBy(() -> DestinationGuard.decide(attempt, number -> { throw new NoRate(number); }, POLICY, BLOCKED, NOW))
                .isInstanceOf(NoRate.class);
    }

    @Test
    void theDailyCapLimitsHowManyMinutesACallMayLast() {
        var attempt = new CallAttempt(PhoneNumber.parse("+243 81 234 5678", null), true, NOW.minus(Duration.ofDays(30)), 0, Money.cents(1900));
        assertThat(decide(attempt).minutesAllowedToday()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(DestinationBlocked.Reason.class)
    void everyRefusalHasAMessageInEnglishAndFrench(DestinationBlocked.Reason reason) {
        for (var locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            var bundle = ResourceBundle.getBundle("vaadin-i18n/translations", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.getString(new DestinationBlocked(reason, 1).messageKey())).as(reason + " in " + locale).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(InvalidNumber.Problem.class)
    void everyNumberProblemHasAMessageInEnglishAndFrench(InvalidNumber.Problem problem) {
        for (var locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            var bundle = ResourceBundle.getBundle("vaadin-i18n/translations", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.getString(new InvalidNumber(problem).messageKey())).isNotBlank();
        }
    }

    private static Clearance decide(CallAttempt attempt) {
        return DestinationGuard.decide(attempt, number -> new Rate("243", CountryCode.of("CD"), "Congo DR", Money.cents(22), Rate.ALWAYS), POLICY, BLOCKED, NOW);
    }
}
