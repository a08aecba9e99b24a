package com.mobayilo.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which providers are simulated. Sandbox is the default whenever a provider's credentials are absent; with
 * none at all the app is fully in sandbox mode and offers its conveniences (demo accounts, dev mailbox),
 * which never exist once any live credential is given.
 */
@Component
public class SandboxMode {

    private final boolean twilioLive;

    private final boolean stripeLive;

    SandboxMode(@Value("${TWILIO_ACCOUNT_SID:}") String twilioAccountSid, @Value("${STRIPE_SECRET_KEY:}") String stripeSecretKey) {
        this.twilioLive = !twilioAccountSid.isBlank();
        this.stripeLive = !stripeSecretKey.isBlank();
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
