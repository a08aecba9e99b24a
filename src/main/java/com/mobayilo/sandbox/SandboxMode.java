package com.mobayilo.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which providers are simulated. Sandbox is the default whenever a provider's credentials are absent; with
 * none at all the app is fully in sandbox mode and offers its conveniences (demo accounts, dev mailbox),
 * which never exist once any live credential is given.
 *
 * <p>Simulated providers on a public address would let anyone add credit with a test card, and the full sandbox's dev
 * mailbox lists everyone's sign-in links while the demo operator's password is published. So a sandbox refuses to
 * start unless both its URLs are on this machine or a private network, or the operator opts in with
 * {@code MOBAYILO_SANDBOX_PUBLIC=true} (docs/decisions/0023-trusted-proxies-and-safe-starts.md).
 */
@Component
public class SandboxMode {

    private static final Logger log = LoggerFactory.getLogger(SandboxMode.class);

    private final boolean twilioLive;

    private final boolean stripeLive;

    SandboxMode(@Value("${TWILIO_ACCOUNT_SID:}") String twilioAccountSid, @Value("${STRIPE_SECRET_KEY:}") String stripeSecretKey,
            @Value("${mobayilo.public-url}") String publicUrl, @Value("${mobayilo.ui-url}") String uiUrl,
            @Value("${mobayilo.sandbox.public:false}") boolean openToThePublic) {
        this.twilioLive = !twilioAccountSid.isBlank();
        this.stripeLive = !stripeSecretKey.isBlank();
        if (simulatesAnything()) {
            reachableOnlyPrivately("MOBAYILO_PUBLIC_URL", publicUrl, openToThePublic);
            reachableOnlyPrivately("MOBAYILO_UI_URL", uiUrl, openToThePublic);
        }
    }

    private void reachableOnlyPrivately(String variable, String url, boolean openToThePublic) {
        if (PrivateUrls.isPrivate(url)) {
            return;
        }
        if (openToThePublic) {
            log.warn("Sandbox mode on a public address ({} is {}), as MOBAYILO_SANDBOX_PUBLIC=true allows: anyone who reaches it can use "
                    + "the demo accounts, read /dev/mailbox and add credit with test cards", variable, url);
            return;
        }
        throw new IllegalStateException("Sandbox mode refuses to start on a public address: " + variable + " is " + url
                + ", which is neither this machine (localhost) nor a private network. " + simulated()
                + " is simulated, so anyone who reaches it could add credit with a test card" + (isFullSandbox()
                        ? ", read everyone's sign-in and reset links at /dev/mailbox and sign in as the demo operator, whose password is published"
                        : "")
                + ". Use a localhost or private address, or set the live providers' credentials; for a public demo that anyone may use, "
                + "set MOBAYILO_SANDBOX_PUBLIC=true.");
    }

    private String simulated() {
        return isFullSandbox() ? "Everything (calls and payments)" : simulatesCalls() ? "Calling" : "Paying";
    }

    public boolean simulatesCalls() {
        return !twilioLive;
    }

    public boolean simulatesPayments() {
        return !stripeLive;
    }

    /** True when some provider is simulated, which the UI shows with a badge. */
    public boolean simulatesAnything() {
        return simulatesCalls() || simulatesPayments();
    }

    /** True when no provider is live: only then do the sandbox conveniences exist. */
    public boolean isFullSandbox() {
        return simulatesCalls() && simulatesPayments();
    }
}
