package com.mobayilo.accounts;

import java.time.Instant;
import java.util.Locale;

import com.mobayilo.shared.CountryCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTests {

    private static final Instant SIGNED_UP = Instant.parse("2026-11-01T10:00:00Z");

    private final User amani = User.register(EmailAddress.of("amani@example.cd"), "  Amani Kabila ", "hash", CountryCode.of("cd"),
            Locale.forLanguageTag("fr-CD"), SIGNED_UP);

    @Test
    void aNewUserIsAnUnverifiedIndividualSpeakingASupportedLanguage() {
        assertThat(amani.role()).isEqualTo(Role.INDIVIDUAL);
        assertThat(amani.isEmailVerified()).isFalse();
        assertThat(amani.fullName()).isEqualTo("Amani Kabila");
        assertThat(amani.locale()).isEqualTo(Locale.FRENCH);
        assertThat(amani.homeCountry().value()).isEqualTo("CD");
    }

    @Test
    void verifyingTwiceKeepsTheFirstVerificationTime() {
        var first = amani.verifyEmail(SIGNED_UP.plusSeconds(60));
        var again = first.verifyEmail(SIGNED_UP.plusSeconds(600));
        assertThat(again.emailVerifiedAt()).isEqualTo(SIGNED_UP.plusSeconds(60));
        assertThat(again.isEmailVerified()).isTrue();
    }

    @Test
    void aBlankOrControlCharacterNameIsRefused() {
        assertThatThrownBy(() -> amani.updateProfile(" ", CountryCode.of("CD"), Locale.FRENCH)).isInstanceOf(InvalidFullName.class);
        assertThatThrownBy(() -> amani.updateProfile("Bad\u0007Name", CountryCode.of("CD"), Locale.FRENCH)).isInstanceOf(InvalidFullName.class);
        assertThatThrownBy(() -> amani.updateProfile("x".repeat(101), CountryCode.of("CD"), Locale.FRENCH)).isInstanceOf(InvalidFullName.class);
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() {
        assertThat(amani.updateProfile("Amani", CountryCode.of("CD"), Locale.GERMAN).locale()).isEqualTo(Locale.ENGLISH);
    }
}
