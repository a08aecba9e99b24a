package com.mobayilo.calls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * The browser's phone: Twilio's Voice SDK when Twilio is live, the sandbox's simulated device otherwise
 * ({@code mobayilo-phone.ts}). It has no looks of its own; the dialer drives it and listens to it.
 */
@Tag("mobayilo-phone")
@JsModule("./mobayilo-phone.ts")
@NpmPackage(value = "@twilio/voice-sdk", version = "2.18.5")
class PhoneDevice extends Component {

    PhoneDevice(boolean sandbox, String carrierUrl) {
        getElement().setAttribute("mode", sandbox ? "sandbox" : "twilio");
        getElement().setAttribute("carrier-url", carrierUrl);
    }

    /** Twilio edges to try in order (docs/decisions/0026-call-quality.md); set before {@link #start}. */
    void useEdges(java.util.List<String> edges) {
        getElement().setAttribute("edges", String.join(",", edges));
    }

    /** Sends the caller's rating of the last call to Twilio (Voice Insights); the sandbox only records it. */
    void rate(int score, String issue) {
        getElement().callJsFunction("rate", score, issue == null ? "" : issue);
    }

    /** Asks the browser for its microphones and speakers: answered by {@link DevicesListed}. */
    void listDevices() {
        getElement().callJsFunction("devices");
    }

    void useMicrophone(String deviceId) {
        getElement().callJsFunction("useMicrophone", deviceId);
    }

    void useSpeaker(String deviceId) {
        getElement().callJsFunction("useSpeaker", deviceId);
    }

    /** "Test my connection" with a fresh token: answered by {@link ConnectionChecked}. */
    void checkConnection(String token) {
        getElement().callJsFunction("checkConnection", token);
    }

    Registration onQuality(ComponentEventListener<QualityChanged> listener) {
        return addListener(QualityChanged.class, listener);
    }

    Registration onReconnecting(ComponentEventListener<Reconnecting> listener) {
        return addListener(Reconnecting.class, listener);
    }

    Registration onReconnected(ComponentEventListener<Reconnected> listener) {
        return addListener(Reconnected.class, listener);
    }

    Registration onDevices(ComponentEventListener<DevicesListed> listener) {
        return addListener(DevicesListed.class, listener);
    }

    Registration onConnectionChecked(ComponentEventListener<ConnectionChecked> listener) {
        return addListener(ConnectionChecked.class, listener);
    }

    void start(String token) {
        getElement().callJsFunction("start", token);
    }

    void updateToken(String token) {
        getElement().callJsFunction("updateToken", token);
    }

    void call(String e164) {
        getElement().callJsFunction("call", e164);
    }

    void hangup() {
        getElement().callJsFunction("hangup");
    }

    void mute(boolean muted) {
        getElement().callJsFunction("mute", muted);
    }

    void digits(String digits) {
        getElement().callJsFunction("digits", digits);
    }

    Registration onState(ComponentEventListener<StateChanged> listener) {
        return addListener(StateChanged.class, listener);
    }

    Registration onTokenExpiring(ComponentEventListener<TokenExpiring> listener) {
        return addListener(TokenExpiring.class, listener);
    }

    Registration onMicrophoneProblem(ComponentEventListener<MicrophoneProblem> listener) {
        return addListener(MicrophoneProblem.class, listener);
    }

    /** connecting, ringing, connected-to-network, disconnected or error, with the CallSid once known. */
    @DomEvent("phone-state")
    public static class StateChanged extends ComponentEvent<PhoneDevice> {

        private final String state;

        private final String callSid;

        private final String message;

        private final Integer code;

        public StateChanged(PhoneDevice source, boolean fromClient, @EventData("event.detail.state") String state,
                @EventData("event.detail.callSid") String callSid, @EventData("event.detail.message") String message,
                @EventData("event.detail.code") Integer code) {
            super(source, fromClient);
            this.state = state;
            this.callSid = callSid;
            this.message = message;
            this.code = code;
        }

        /** The SDK's error code of an {@code error}, if any. */
        Integer code() {
            return code;
        }

        String state() {
            return state;
        }

        String callSid() {
            return callSid;
        }

        String message() {
            return message;
        }
    }

    @DomEvent("phone-token-expiring")
    public static class TokenExpiring extends ComponentEvent<PhoneDevice> {

        public TokenExpiring(PhoneDevice source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The microphone is {@code denied} or {@code missing}. */
    @DomEvent("phone-microphone")
    public static class MicrophoneProblem extends ComponentEvent<PhoneDevice> {

        private final String problem;

        public MicrophoneProblem(PhoneDevice source, boolean fromClient, @EventData("event.detail.problem") String problem) {
            super(source, fromClient);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }

    /** One of the SDK's quality warnings was raised or cleared during the call. */
    @DomEvent("phone-quality")
    public static class QualityChanged extends ComponentEvent<PhoneDevice> {

        private final String warning;

        private final boolean cleared;

        public QualityChanged(PhoneDevice source, boolean fromClient, @EventData("event.detail.warning") String warning,
                @EventData("event.detail.cleared") boolean cleared) {
            super(source, fromClient);
            this.warning = warning;
            this.cleared = cleared;
        }

        String warning() {
            return warning;
        }

        boolean cleared() {
            return cleared;
        }
    }

    @DomEvent("phone-reconnecting")
    public static class Reconnecting extends ComponentEvent<PhoneDevice> {

        public Reconnecting(PhoneDevice source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    @DomEvent("phone-reconnected")
    public static class Reconnected extends ComponentEvent<PhoneDevice> {

        public Reconnected(PhoneDevice source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** The browser's microphones and speakers, or why the microphone cannot be used. */
    @DomEvent("phone-devices")
    public static class DevicesListed extends ComponentEvent<PhoneDevice> {

        private final String microphone;

        private final tools.jackson.databind.JsonNode inputs;

        private final tools.jackson.databind.JsonNode outputs;

        private final boolean outputSupported;

        public DevicesListed(PhoneDevice source, boolean fromClient, @EventData("event.detail.microphone") String microphone,
                @EventData("event.detail.inputs") tools.jackson.databind.JsonNode inputs, @EventData("event.detail.outputs") tools.jackson.databind.JsonNode outputs,
                @EventData("event.detail.outputSupported") boolean outputSupported) {
            super(source, fromClient);
            this.microphone = microphone;
            this.inputs = inputs;
            this.outputs = outputs;
            this.outputSupported = outputSupported;
        }

        /** {@code ok}, {@code denied} or {@code missing}. */
        String microphone() {
            return microphone;
        }

        java.util.List<AudioDevice> inputs() {
            return AudioDevice.listed(inputs);
        }

        java.util.List<AudioDevice> outputs() {
            return AudioDevice.listed(outputs);
        }

        boolean outputSupported() {
            return outputSupported;
        }
    }

    /** A microphone or speaker as the browser names it. */
    record AudioDevice(String id, String label) {

        static java.util.List<AudioDevice> listed(tools.jackson.databind.JsonNode array) {
            var devices = new java.util.ArrayList<AudioDevice>();
            if (array != null && array.isArray()) {
                array.forEach(node -> devices.add(new AudioDevice(node.path("id").asString(""), node.path("label").asString(""))));
            }
            return devices;
        }
    }

    /** The result of "Test my connection". */
    @DomEvent("phone-preflight")
    public static class ConnectionChecked extends ComponentEvent<PhoneDevice> {

        private final ConnectionReport report;

        public ConnectionChecked(PhoneDevice source, boolean fromClient, @EventData("event.detail") tools.jackson.databind.JsonNode detail) {
            super(source, fromClient);
            this.report = ConnectionReport.of(detail);
        }

        ConnectionReport report() {
            return report;
        }
    }
}
