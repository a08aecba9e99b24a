package com.mobayilo.rating;

import com.mobayilo.shared.CountryCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-world ways people write numbers, from many countries, and the ways they get them wrong. */
class PhoneNumberTests {

    @ParameterizedTest(name = "{0} typed in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            081 234 5678              | CD | +243812345678  | CD | MOBILE
            +243 81 234 5678          | FR | +243812345678  | CD | MOBILE
            00243812345678            | BE | +243812345678  | CD | MOBILE
            tel:+243-81-234-5678      | US | +243812345678  | CD | MOBILE
            06 12 34 56 78            | FR | +33612345678   | FR | MOBILE
            01.42.68.53.00            | FR | +33142685300   | FR | FIXED_LINE
            +33 (0)1 42 68 53 00      | US | +33142685300   | FR | FIXED_LINE
            0470 12 34 56             | BE | +32470123456   | BE | MOBILE
            02 555 12 12              | BE | +3225551212    | BE | FIXED_LINE
            0803 123 4567             | NG | +2348031234567 | NG | MOBILE
            +234 (0)201 280 4567      | GB | +2342012804567 | NG | FIXED_LINE
            (415) 555-2671            | US | +14155552671   | US | FIXED_LINE_OR_MOBILE
            +1 212.555.0175           | CD | +12125550175   | US | FIXED_LINE_OR_MOBILE
            011 33 6 12 34 56 78      | US | +33612345678   | FR | MOBILE
            07400 123456              | GB | +447400123456  | GB | MOBILE
            020 7946 0958             | GB | +442079460958  | GB | FIXED_LINE
            0800 800 150              | GB | +44800800150   | GB | TOLL_FREE
            098765 43210              | IN | +919876543210  | IN | MOBILE
            +91 11 2345 6789          | FR | +911123456789  | IN | FIXED_LINE
            (11) 96123-4567           | BR | +5511961234567 | BR | MOBILE
            +55 21 2222-3333          | US | +552122223333  | BR | FIXED_LINE
            55 1234 5678              | MX | +525512345678  | MX | FIXED_LINE_OR_MOBILE
            0917 123 4567             | PH | +639171234567  | PH | MOBILE
            (02) 8123 4567            | PH | +63281234567   | PH | FIXED_LINE
            024 123 4567              | GH | +233241234567  | GH | MOBILE
            0712 345678               | KE | +254712345678  | KE | MOBILE
            77 123 45 67              | SN | +221771234567  | SN | MOBILE
            6 71 23 45 67             | CM | +237671234567  | CM | MOBILE
            030 901820                | DE | +4930901820    | DE | FIXED_LINE
            0151 23456789             | DE | +4915123456789 | DE | MOBILE
            612 34 56 78              | ES | +34612345678   | ES | MOBILE
            06 12345678               | NL | +31612345678   | NL | MOBILE
            +86 138 0013 8000         | US | +8613800138000 | CN | MOBILE
            090-1234-5678             | JP | +819012345678  | JP | MOBILE
            """)
    void commonFormatsFromManyCountriesAreUnderstood(String typed, String home, String e164, String country, NumberType type) {
        var number = PhoneNumber.parse(typed, CountryCode.of(home));
        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.country().value()).isEqualTo(country);
        assertThat(number.type()).isEqualTo(type);
        assertThat(number.international()).startsWith("+");
        assertThat(number.digits()).isEqualTo(e164.substring(1));
    }

    @ParameterizedTest(name = "{0} typed in {1} is refused: {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ''                   | CD | EMPTY
            '   '                | FR | EMPTY
            hello                | FR | NOT_A_NUMBER
            +999 1234 5678       | FR | UNKNOWN_COUNTRY_CODE
            +243 81              | FR | TOO_SHORT
            081 234 56           | CD | NOT_IN_USE
            06 12 34 56 78 90 12 | FR | TOO_LONG
            +33 6 12 34 56 78 9  | FR | TOO_LONG
            +1 212 555 01        | US | TOO_SHORT
            0812345678           | NULL | NEEDS_COUNTRY_CODE
            +33 0 00 00 00 00    | FR | NOT_IN_USE
            """)
    void wrongNumbersAreRefusedNamingTheProblem(String typed, String home, InvalidNumber.Problem problem) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed, home == null ? null : CountryCode.of(home)))
                .isInstanceOfSatisfying(InvalidNumber.class, refusal -> {
                    assertThat(refusal.problem()).isEqualTo(problem);
                    assertThat(refusal.messageKey()).isEqualTo("rating.number." + problem.name());
                });
    }

    @org.junit.jupiter.api.Test
    void anExtensionIsDroppedBecauseItCannotBeDialled() {
        var number = PhoneNumber.parse("+49 8283 983 ext. 0", null);
        assertThat(number.international()).isEqualTo("+49 8283 983");
        assertThat(PhoneNumber.parse(number.e164(), null)).isEqualTo(number);
    }

    @org.junit.jupiter.api.Test
    void aNumberLongerThanEPoint164AllowsIsTooLongEvenWhereTheNationalPlanWouldTakeIt() {
        assertThatThrownBy(() -> PhoneNumber.parse("+49552983555772983", null))
                .isInstanceOfSatisfying(InvalidNumber.class, refusal -> assertThat(refusal.problem()).isEqualTo(InvalidNumber.Problem.TOO_LONG));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +881 631 234 567 | INTERNATIONAL
            +870 773 111 632 | INTERNATIONAL
            """)
    void satelliteNumbersBelongToNoCountry(String typed, String expected) {
        var number = PhoneNumber.parse(typed, null);
        assertThat(number.isNonGeographic()).as(expected).isTrue();
        assertThat(DestinationGuard.INTERNATIONAL_NETWORKS).contains(number.callingCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +243812345678 | +243 8•• ••• 678
            +33612345678  | +33 6 •• •• •6 78
            """)
    void aMaskedNumberShowsOnlyItsCountryAndLastDigits(String e164, String masked) {
        var number = PhoneNumber.parse(e164, null);
        assertThat(number.masked()).startsWith("+" + number.callingCode()).endsWith(e164.substring(e164.length() - 2));
        assertThat(number.masked().chars().filter(c -> c == '•').count()).isGreaterThanOrEqualTo(4);
    }
}
