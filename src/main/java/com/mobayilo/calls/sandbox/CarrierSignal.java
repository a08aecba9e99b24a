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

    /** The browser's leg lost its network: the SDK ends the call with this error code (e.g. 53405). */
    static CarrierSignal dropped(int errorCode) {
        return new CarrierSignal("disconnected", Map.of("reason", "network", "code", Integer.toString(errorCode)));
    }

    /** One of the SDK's quality warnings (high-rtt, low-mos, high-packet-loss, high-jitter, …) was raised. */
    static CarrierSignal warning(String name) {
        return new CarrierSignal("warning", Map.of("name", name));
    }

    static CarrierSignal warningCleared(String name) {
        return new CarrierSignal("warning-cleared", Map.of("name", name));
    }

    static CarrierSignal reconnecting() {
        return new CarrierSignal("reconnecting", Map.of());
    }

    static CarrierSignal reconnected() {
        return new CarrierSignal("reconnected", Map.of());
    }
}
