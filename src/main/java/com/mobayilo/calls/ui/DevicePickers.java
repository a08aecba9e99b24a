package com.mobayilo.calls.ui;

import java.util.List;

import com.mobayilo.ui.AppIcon;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

/**
 * Microphone and speaker pickers with a level meter (docs/decisions/0026-call-quality.md). The browser is asked
 * for its devices only when the person opens them. Where the browser cannot choose the output (no
 * {@code setSinkId}: Chrome on Android, Safari on iOS) the speaker picker is not shown; a blocked microphone is
 * explained with how to allow it.
 */
class DevicePickers extends Div {

    private final PhoneDevice phone;

    private final Button toggle = new Button();

    private final Div panel = new Div();

    private final Select<PhoneDevice.AudioDevice> microphone = new Select<>();

    private final Select<PhoneDevice.AudioDevice> speaker = new Select<>();

    private final LevelMeter meter;

    private final Paragraph problem = new Paragraph();

    DevicePickers(PhoneDevice phone) {
        this.phone = phone;
        addClassName("device-pickers");
        meter = new LevelMeter(getTranslation("devices.level"));
        toggle.setText(getTranslation("devices.open"));
        toggle.setIcon(AppIcon.MICROPHONE.create());
        toggle.setId("devices-toggle");
        toggle.addThemeVariants(ButtonVariant.TERTIARY);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.getElement().setAttribute("aria-controls", "devices-panel");
        toggle.addClickListener(event -> toggle());
        microphone.setId("devices-microphone");
        microphone.setLabel(getTranslation("devices.microphone"));
        microphone.setItemLabelGenerator(PhoneDevice.AudioDevice::label);
        microphone.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                phone.useMicrophone(event.getValue().id());
                meter.listen(event.getValue().id(), panel.isVisible());
            }
        });
        speaker.setId("devices-speaker");
        speaker.setLabel(getTranslation("devices.speaker"));
        speaker.setItemLabelGenerator(PhoneDevice.AudioDevice::label);
        speaker.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                phone.useSpeaker(event.getValue().id());
            }
        });
        problem.setId("devices-problem");
        problem.addClassName("devices-problem");
        problem.getElement().setAttribute("role", "alert");
        panel.setId("devices-panel");
        panel.addClassName("devices-panel");
        panel.add(microphone, meter, speaker, problem);
        panel.setVisible(false);
        // Nothing to pick until the browser has said what it has.
        microphone.setVisible(false);
        meter.setVisible(false);
        speaker.setVisible(false);
        problem.setVisible(false);
        add(toggle, panel);
        phone.onDevices(event -> show(event.microphone(), event.inputs(), event.outputs(), event.outputSupported()));
    }

    private void toggle() {
        var open = !panel.isVisible();
        panel.setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        toggle.setText(getTranslation(open ? "devices.close" : "devices.open"));
        if (open) {
            phone.listDevices();
        }
        else {
            meter.listen(null, false);
        }
    }

    private void show(String state, List<PhoneDevice.AudioDevice> inputs, List<PhoneDevice.AudioDevice> outputs, boolean outputSupported) {
        var works = "ok".equals(state);
        problem.setText(works ? "" : MicrophoneHelp.text(this, state));
        problem.setVisible(!works);
        microphone.setVisible(works);
        meter.setVisible(works);
        microphone.setItems(inputs);
        if (!inputs.isEmpty()) {
            microphone.setValue(inputs.getFirst());
        }
        meter.listen(inputs.isEmpty() ? null : inputs.getFirst().id(), works && panel.isVisible());
        // Where the browser plays calls only on its default output, a picker would change nothing.
        speaker.setVisible(works && outputSupported && !outputs.isEmpty());
        speaker.setItems(outputs);
        if (!outputs.isEmpty()) {
            speaker.setValue(outputs.getFirst());
        }
    }
}
