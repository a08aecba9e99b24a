package com.mobayilo;

import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start that would expose what must never be public stops with a message that says why and what to do: a sandbox
 * (whose dev mailbox lists everyone's sign-in links and whose demo operator's password is published) on an address
 * that is not this machine or a private network, and live providers with a placeholder for a secret. Issue 16,
 * point 10 (docs/decisions/0023-trusted-proxies-and-safe-starts.md).
 */
class SafeStartsIntegrationTests {

    private static final String[] LIVE_TWILIO = { "--TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef", "--TWILIO_AUTH_TOKEN=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "--TWILIO_API_KEY=SK0123456789abcdef0123456789abcdef", "--TWILIO_API_SECRET=kS3cr3tV4lu3Th4tIsN0tAPl4c3h0ld3r",
            "--TWILIO_TWIML_APP_SID=AP0123456789abcdef0123456789abcdef", "--TWILIO_CALLER_ID=+15005550006" };

    @Test
    void aSandboxWhosePublicUrlIsAPublicAddressRefusesToStartAndSaysHowToOptIn() {
        assertThatThrownBy(() -> TestApp.start("--MOBAYILO_PUBLIC_URL=https://mobayilo.example.com")).rootCause()
                .hasMessageContaining("MOBAYILO_PUBLIC_URL").hasMessageContaining("mobayilo.example.com")
                .hasMessageContaining("/dev/mailbox").hasMessageContaining("MOBAYILO_SANDBOX_PUBLIC=true");
    }

    @Test
    void aSandboxWhoseUiUrlIsAPublicAddressRefusesToStart() {
        for (var url : new String[] { "https://mobayilo.example.com", "http://203.0.113.10:8080", "http://[2001:db8::1]:8080" }) {
            assertThatThrownBy(() -> TestApp.start("--MOBAYILO_UI_URL=" + url)).as(url).rootCause()
                    .hasMessageContaining("MOBAYILO_UI_URL").hasMessageContaining("MOBAYILO_SANDBOX_PUBLIC=true");
        }
    }

    @Test
    void aSandboxOnPrivateAddressesStarts() {
        try (var app = TestApp.start("--MOBAYILO_PUBLIC_URL=http://192.168.1.20:8081", "--MOBAYILO_UI_URL=http://mobayilo.localhost:8080")) {
            assertThat(Http.get(app.coreUrl() + "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSandboxOnAPublicAddressStartsWhenTheOperatorExplicitlyOptsIn() {
        try (var app = TestApp.start("--MOBAYILO_PUBLIC_URL=https://demo.mobayilo.example", "--MOBAYILO_UI_URL=https://demo.mobayilo.example",
                "--MOBAYILO_SANDBOX_PUBLIC=true")) {
            assertThat(Http.get(app.coreUrl() + "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void liveTwilioWithAPlaceholderSecretRefusesToStartNamingTheVariable() {
        for (var placeholder : new String[] { "replace-me", "changeme", "xxx", "your-auth-token", "<auth token>", "${TWILIO_AUTH_TOKEN}" }) {
            assertThatThrownBy(() -> TestApp.start(with(LIVE_TWILIO, "--TWILIO_AUTH_TOKEN=" + placeholder))).as(placeholder).rootCause()
                    .hasMessageContaining("TWILIO_AUTH_TOKEN").hasMessageContaining("placeholder");
        }
        assertThatThrownBy(() -> TestApp.start(with(LIVE_TWILIO, "--TWILIO_API_SECRET=REPLACE_ME"))).rootCause()
                .hasMessageContaining("TWILIO_API_SECRET");
    }

    @Test
    void liveStripeWithAPlaceholderSecretRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> TestApp.start("--STRIPE_SECRET_KEY=sk_live_0123456789abcdefABCDEF", "--STRIPE_WEBHOOK_SECRET=replace-me")).rootCause()
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET").hasMessageContaining("placeholder");
        assertThatThrownBy(() -> TestApp.start("--STRIPE_SECRET_KEY=<your-stripe-secret-key>", "--STRIPE_WEBHOOK_SECRET=whsec_0123456789abcdef"))
                .rootCause().hasMessageContaining("STRIPE_SECRET_KEY").hasMessageContaining("placeholder");
    }

    private static String[] with(String[] arguments, String replacement) {
        var name = replacement.substring(0, replacement.indexOf('=') + 1);
        return java.util.Arrays.stream(arguments).map(argument -> argument.startsWith(name) ? replacement : argument).toArray(String[]::new);
    }
}
