package com.mobayilo.rating;

import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.mobayilo.shared.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever someone types or pastes, parsing either gives a valid number that round-trips through E.164, or
 * refuses with {@link InvalidNumber}; nothing else escapes.
 */
class PhoneNumberFuzzTests {

    private static final String[] REGIONS = Locale.getISOCountries();

    @FuzzTest(maxDuration = "15s")
    void anyTextParsesToAValidNumberOrAClearRefusal(FuzzedDataProvider data) {
        var home = data.consumeBoolean() ? null : CountryCode.of(REGIONS[data.consumeInt(0, REGIONS.length - 1)]);
        var text = data.consumeRemainingAsString();
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(text, home);
        }
        catch (InvalidNumber refused) {
            assertThat(refused.messageKey()).startsWith("rating.number.");
            return;
        }
        assertThat(number.e164()).matches("\\+[1-9][0-9]{1,14}");
        assertThat(PhoneNumber.parse(number.e164(), null)).isEqualTo(number);
        assertThat(number.masked()).startsWith("+" + number.callingCode());
    }
}
