package com.mobayilo.payments.sandbox;

import java.time.YearMonth;

import com.mobayilo.payments.sandbox.CardDetails.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardDetailsTests {

    private static final YearMonth MAY_2026 = YearMonth.of(2026, 5);

    @Test
    void stripesTestCardsPassTheLuhnCheckWithSpacesAsPeopleTypeThem() {
        assertThat(CardDetails.problems("4242 4242 4242 4242", "12/34", "123", "Amani Kabila", MAY_2026)).isEmpty();
        assertThat(CardDetails.problems("4000-0000-0000-0002", "05/26", "1234", "A", MAY_2026)).isEmpty();
        var card = CardDetails.of("4000 0000 0000 9995", "12 / 30", " 123 ", " Amani ", MAY_2026);
        assertThat(card.number()).isEqualTo("4000000000009995");
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 12));
        assertThat(card.brand()).isEqualTo("visa");
        assertThat(card.last4()).isEqualTo("9995");
    }

    @Test
    void aMistypedDigitFailsTheLuhnCheckAndAShortNumberIsIncomplete() {
        assertThat(CardDetails.problems("4242 4242 4242 4241", "12/34", "123", "A", MAY_2026)).containsExactly(Problem.NUMBER_INVALID);
        assertThat(CardDetails.problems("4242 4242", "12/34", "123", "A", MAY_2026)).containsExactly(Problem.NUMBER_INCOMPLETE);
        assertThat(CardDetails.problems("4242x4242x4242x4242", "12/34", "123", "A", MAY_2026)).containsExactly(Problem.NUMBER_INCOMPLETE);
    }

    @Test
    void theExpiryIsMonthSlashYearAndNotInThePast() {
        assertThat(CardDetails.problems("4242424242424242", "13/30", "123", "A", MAY_2026)).containsExactly(Problem.EXPIRY_INVALID);
        assertThat(CardDetails.problems("4242424242424242", "1230", "123", "A", MAY_2026)).containsExactly(Problem.EXPIRY_INVALID);
        assertThat(CardDetails.problems("4242424242424242", "04/26", "123", "A", MAY_2026)).containsExactly(Problem.EXPIRED);
    }

    @Test
    void everyWrongFieldIsNamedInFormOrder() {
        assertThat(CardDetails.problems("", "", "12", " ", MAY_2026))
                .containsExactly(Problem.NUMBER_INCOMPLETE, Problem.EXPIRY_INVALID, Problem.CVC_INVALID, Problem.NAME_MISSING);
    }

    @Test
    void theBrandComesFromTheFirstDigits() {
        assertThat(CardDetails.of("5555 5555 5555 4444", "12/34", "123", "A", MAY_2026).brand()).isEqualTo("mastercard");
        assertThat(CardDetails.of("3782 822463 10005", "12/34", "1234", "A", MAY_2026).brand()).isEqualTo("amex");
    }
}
