package com.mobayilo.calls.ui;

import com.vaadin.flow.component.Component;

/** What to tell someone whose microphone is blocked or missing, with how to allow it. */
final class MicrophoneHelp {

    private MicrophoneHelp() {
    }

    /** {@code problem} is {@code denied} or {@code missing}. */
    static String text(Component where, String problem) {
        return where.getTranslation("denied".equals(problem) ? "devices.microphone.denied" : "devices.microphone.missing");
    }
}
