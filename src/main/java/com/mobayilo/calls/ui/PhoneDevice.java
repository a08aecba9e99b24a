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

        public StateChanged(PhoneDevice source, boolean fromClient, @EventData("event.detail.state") String state,
                @EventData("event.detail.callSid") String callSid, @EventData("event.detail.message") String message) {
            super(source, fromClient);
            this.state = state;
            this.callSid = callSid;
            this.message = message;
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
}
