package com.mobayilo.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mobayilo.shared.CountryCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryItemsTests {

    private static final Map<String, Integer> CALLING_CODES = Map.of("FR", 33, "CD", 243, "CG", 242, "US", 1, "GF", 594, "PF", 689);

    @Test
    void typingTheStartOfANameFindsOnlyCountriesWhoseNameStartsWithIt() {
        assertThat(found("Fra", Locale.ENGLISH)).containsExactly("FR");
        assertThat(found("fra", Locale.FRENCH)).containsExactly("FR");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(found("Etats-U", Locale.FRENCH)).containsExactly("US");
        assertThat(found("COTE D'IV", Locale.FRENCH)).containsExactly("CI");
    }

    @Test
    void aCallingCodeFindsItsCountryWithOrWithoutThePlus() {
        assertThat(found("+243", Locale.ENGLISH)).containsExactly("CD");
        assertThat(found("33", Locale.ENGLISH)).containsExactly("FR");
        assertThat(found("+24", Locale.ENGLISH)).containsExactlyInAnyOrder("CD", "CG");
    }

    @Test
    void anIsoCodeFindsItsCountry() {
        assertThat(found("CD", Locale.FRENCH)).containsExactly("CD");
    }

    @Test
    void theOfficialNameStillFindsTheCountry() {
        assertThat(found("Congo", Locale.ENGLISH)).containsExactlyInAnyOrder("CD", "CG");
        assertThat(found("DR", Locale.ENGLISH)).containsExactly("CD");
        assertThat(found("RD", Locale.FRENCH)).containsExactly("CD");
    }

    @Test
    void anEmptySearchOffersEveryCountry() {
        assertThat(found("  ", Locale.ENGLISH)).hasSize(Locale.getISOCountries().length);
    }

    private static List<String> found(String query, Locale locale) {
        return Arrays.stream(Locale.getISOCountries()).map(CountryCode::of)
                .filter(country -> CountryItems.matches(country, query, locale, CALLING_CODES.getOrDefault(country.value(), 0)))
                .map(CountryCode::value).toList();
    }
}
