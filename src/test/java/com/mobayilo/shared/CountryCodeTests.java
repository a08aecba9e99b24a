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
}
