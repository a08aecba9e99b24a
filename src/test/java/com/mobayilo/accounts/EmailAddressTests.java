package com.mobayilo.accounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EmailAddressTests {

    @Test
    void anAddressIsTrimmedAndLowerCasedSoOneMailboxIsOneAccount() {
        assertThat(EmailAddress.of("  Amani.Kabila@Example.CD ")).isEqualTo(new EmailAddress("amani.kabila@example.cd"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "not-an-email", "two@@example.com", "no-domain@", "@example.com", "spaces in@example.com",
            "dot@example.", "missing@tld", "trailing@example.com-", "leading@-example.com", "double@example..com" })
    void malformedAddressesAreRefusedAsInvalidEmail(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(InvalidEmail.class)
                .hasFieldOrPropertyWithValue("messageKey", "accounts.email.invalid");
        assertThat(EmailAddress.isValid(raw)).isFalse();
    }

    @Test
    void aMissingAddressIsInvalidToo() {
        assertThat(EmailAddress.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a@b.co", "first.last+tag@sub.example.org", "kofi@mensah.com.gh", "ops@my--host.example-1.cd" })
    void commonAddressesAreAccepted(String raw) {
        assertThat(EmailAddress.isValid(raw)).isTrue();
    }

    @Test
    void anAddressLongerThanTheStandardAllowsIsRefused() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@" + "b".repeat(190) + ".com")).isFalse();
    }

    @Test
    void aHostileDomainIsRefusedQuicklyRatherThanBacktrackedOver() {
        var hostile = "a@" + "a-".repeat(120) + "a.a-".repeat(2) + "!";
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> assertThat(EmailAddress.isValid(hostile)).isFalse());
    }
}
