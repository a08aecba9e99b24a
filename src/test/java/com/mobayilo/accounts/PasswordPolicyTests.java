package com.mobayilo.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

    private final EmailAddress email = EmailAddress.of("amani@example.cd");

    @Test
    void aPasswordShorterThanTenCharactersIsRefusedSayingHowLong() {
        assertThatThrownBy(() -> PasswordPolicy.check("nine-char", email)).isInstanceOf(WeakPassword.class)
                .hasFieldOrPropertyWithValue("messageKey", "accounts.password.short")
                .satisfies(refusal -> org.assertj.core.api.Assertions.assertThat(((WeakPassword) refusal).arguments()).containsExactly(10));
    }

    @Test
    void tenCharactersAreEnough() {
        assertThatCode(() -> PasswordPolicy.check("ten-chars!", email)).doesNotThrowAnyException();
    }

    @Test
    void thePasswordMayNotBeTheEmailWhateverItsCase() {
        assertThatThrownBy(() -> PasswordPolicy.check("Amani@Example.CD", email)).isInstanceOf(WeakPassword.class)
                .hasFieldOrPropertyWithValue("messageKey", "accounts.password.email");
    }

    @Test
    void anAbsurdlyLongPasswordIsRefusedBeforeHashing() {
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(129), email)).isInstanceOf(WeakPassword.class)
                .hasFieldOrPropertyWithValue("messageKey", "accounts.password.long");
    }

    @Test
    void aMissingPasswordIsTooShort() {
        assertThatThrownBy(() -> PasswordPolicy.check(null, email)).isInstanceOf(WeakPassword.class);
    }

    @Test
    void refusalsPointAtThePasswordField() {
        assertThatThrownBy(() -> PasswordPolicy.check("short", email))
                .satisfies(refusal -> org.assertj.core.api.Assertions.assertThat(((WeakPassword) refusal).field()).contains("password"));
    }
}
