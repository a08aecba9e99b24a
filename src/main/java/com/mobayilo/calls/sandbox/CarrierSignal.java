package com.mobayilo.calls.sandbox;

import java.util.Map;

/** What the simulated carrier tells the browser's simulated device, as Twilio's signalling would. */
public record CarrierSignal(String event, Map<String, String> data) {

    static CarrierSignal accepted(String callSid) {
        return new CarrierSignal("accepted", Map.of("callSid", callSid));
    }

    static CarrierSignal ringing() {
        return new CarrierSignal("ringing", Map.of());
    }

    static CarrierSignal answered() {
        return new CarrierSignal("answered", Map.of());
    }

    static CarrierSignal disconnected(String reason) {
        return new CarrierSignal("disconnected", Map.of("reason", reason));
    }
}
