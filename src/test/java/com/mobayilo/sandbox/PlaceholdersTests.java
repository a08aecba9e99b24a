package com.mobayilo.sandbox;

import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholdersTests {

    @Test
    void whatPeopleLeaveInASettingsFileIsAPlaceholder() {
        for (var value : List.of("", "  ", "replace-me", "REPLACE_ME", "sk_live_replaceme", "changeme", "change-it", "xxx", "XXXX-XXXX",
                "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_xxxxxxxxxxxx", "whsec_xxxxxxxx", "your-auth-token", "YOUR_API_SECRET", "<auth token>",
                "${TWILIO_AUTH_TOKEN}", "{{ stripe_key }}", "todo", "secret", "placeholder", "***")) {
            assertThat(Placeholders.isPlaceholder(value)).as(value).isTrue();
        }
    }

    @Test
    void realLookingSecretsAreNot() {
        for (var value : List.of("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "AC0123456789abcdef0123456789abcdef", "sk_live_51HxYzAbCdEf0123456789",
                "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "whsec_0123456789abcdefghij", "kS3cr3tV4lu3Th4tIsN0tAPl4c3h0ld3r")) {
            assertThat(Placeholders.isPlaceholder(value)).as(value).isFalse();
        }
    }

    @Test
    void aRefusalNamesEveryPlaceholderVariableButNeverItsValue() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
        settings.put("TWILIO_AUTH_TOKEN", "replace-me");
        settings.put("TWILIO_API_SECRET", "<secret>");
        assertThatThrownBy(() -> Placeholders.refuseIn("Twilio", "TWILIO_ACCOUNT_SID", settings))
                .hasMessageStartingWith("TWILIO_AUTH_TOKEN, TWILIO_API_SECRET look like a placeholder")
                .hasMessageContaining("unset TWILIO_ACCOUNT_SID").hasMessageNotContaining("replace-me").hasMessageNotContaining("<secret>");
    }
}
