package com.mobayilo.payments;

/** Auto-recharge stopped because a charge was refused; {@code code} is the provider's reason. */
public record AutoRechargeTurnedOff(String code) {

    public static final String TYPE = "autorecharge.off";
}
