package com.mobayilo.calls;

import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.rating.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactTests {

    private static final UserId OWNER = new UserId(UUID.randomUUID());

    private static final PhoneNumber NUMBER = PhoneNumber.parse("+243812345678", null);

    @Test
    void aContactNameIsTrimmed() {
        assertThat(Contact.of(OWNER, "  Mama Kinshasa ", NUMBER).name()).isEqualTo("Mama Kinshasa");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> Contact.of(OWNER, " \t ", NUMBER))
                .isInstanceOfSatisfying(InvalidContact.class, refused -> assertThat(refused.problem()).isEqualTo(InvalidContact.Problem.NAME_MISSING));
    }

    @Test
    void aNameLongerThanAHundredCharactersIsRefused() {
        assertThat(Contact.of(OWNER, "a".repeat(100), NUMBER).name()).hasSize(100);
        assertThatThrownBy(() -> Contact.of(OWNER, "a".repeat(101), NUMBER))
                .isInstanceOfSatisfying(InvalidContact.class, refused -> assertThat(refused.problem()).isEqualTo(InvalidContact.Problem.NAME_TOO_LONG));
    }
}
