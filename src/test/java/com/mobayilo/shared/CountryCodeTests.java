package com.mobayilo.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryCodeTests {

    @Test
    void codesAreNormalisedToUpperCase() {
        assertThat(CountryCode.of(" cd ").value()).isEqualTo("CD");
    }

    @Test
    void unknownCodesAreRefused() {
        assertThatThrownBy(() -> CountryCode.of("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CountryCode.isKnown("ZZ")).isFalse();
        assertThat(CountryCode.isKnown(null)).isFalse();
    }

    @Test
    void aCountryIsNamedInTheReadersLanguage() {
        assertThat(CountryCode.of("BE").displayName(Locale.FRENCH)).isEqualTo("Belgique");
        assertThat(CountryCode.of("BE").displayName(Locale.ENGLISH)).isEqualTo("Belgium");
    }

    @Test
    void theCongosAreNamedAsPeopleNameThem() {
        assertThat(CountryCode.of("CD").displayName(Locale.ENGLISH)).isEqualTo("DR Congo");
        assertThat(CountryCode.of("CD").displayName(Locale.FRENCH)).isEqualTo("RD Congo");
        assertThat(CountryCode.of("CG").displayName(Locale.ENGLISH)).isEqualTo("Congo-Brazzaville");
        assertThat(CountryCode.of("CG").displayName(Locale.FRENCH)).isEqualTo("Congo-Brazzaville");
    }

    @Test
    void awkwardOfficialNamesGiveWayToCommonOnes() {
        assertThat(CountryCode.of("MM").displayName(Locale.ENGLISH)).isEqualTo("Myanmar");
        assertThat(CountryCode.of("HK").displayName(Locale.FRENCH)).isEqualTo("Hong Kong");
        assertThat(CountryCode.of("PS").displayName(Locale.ENGLISH)).isEqualTo("Palestine");
        assertThat(CountryCode.of("LC").displayName(Locale.ENGLISH)).isEqualTo("Saint Lucia");
        assertThat(CountryCode.of("TT").displayName(Locale.ENGLISH)).isEqualTo("Trinidad and Tobago");
        assertThat(CountryCode.of("LC").displayName(Locale.FRENCH)).isEqualTo("Sainte-Lucie");
        assertThat(CountryCode.of("CI").displayName(Locale.FRENCH)).isEqualTo("Côte d’Ivoire");
    }

    @Test
    void theOfficialNameStaysAvailableForSearching() {
        assertThat(CountryCode.of("CD").officialName(Locale.ENGLISH)).isEqualTo("Congo - Kinshasa");
    }
}
