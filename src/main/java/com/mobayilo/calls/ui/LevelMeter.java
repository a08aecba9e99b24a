package com.mobayilo.calls.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * How loud the chosen microphone is, as a bar ({@code mobayilo-level-meter.ts}): from the call's own volume
 * during a call, otherwise from the microphone, opened only while the pickers are open.
 */
@Tag("mobayilo-level-meter")
@JsModule("./mobayilo-level-meter.ts")
class LevelMeter extends Component {

    LevelMeter(String label) {
        getElement().setAttribute("label", label);
    }

    void listen(String deviceId, boolean on) {
        getElement().setAttribute("device-id", deviceId == null ? "" : deviceId);
        getElement().setProperty("active", on);
    }
}
