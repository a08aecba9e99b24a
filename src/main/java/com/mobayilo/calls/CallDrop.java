package com.mobayilo.calls;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.shared.Money;

/** A call the network dropped, as recorded once: what was credited back, or that the daily limit refused it. */
public record CallDrop(UUID callId, int errorCode, Money credited, boolean refusedByDailyLimit, Instant at) {
}
