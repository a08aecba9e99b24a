package com.mobayilo.calls.ui;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Supplier;

import com.mobayilo.ui.AppIcon;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Test my connection" (docs/decisions/0026-call-quality.md): Twilio's PreflightTest in live mode, a simulated one in
 * the sandbox. Says whether the microphone works, how good the network is in words with its numbers, and which
 * Twilio edge answered.
 */
class ConnectionCheck extends Div {

    private final PhoneDevice phone;

    private final Supplier<String> token;

    private final Button start = new Button();

    private final Div result = new Div();

    ConnectionCheck(PhoneDevice phone, Supplier<String> token) {
        this.phone = phone;
        this.token = token;
        addClassName("connection-check");
        start.setText(getTranslation("check.start"));
        start.setIcon(AppIcon.SIGNAL.create());
        start.setId("connection-check");
        start.addThemeVariants(ButtonVariant.TERTIARY);
        start.addClickListener(event -> run());
        result.setId("connection-result");
        result.getElement().setAttribute("role", "status");
        result.getElement().setAttribute("aria-live", "polite");
        add(start, result);
        phone.onConnectionChecked(event -> show(event.report()));
    }

    private void run() {
        start.setEnabled(false);
        result.removeAll();
        result.add(new Paragraph(getTranslation("check.running")));
        phone.checkConnection(token.get());
    }

    private void show(ConnectionReport report) {
        start.setEnabled(true);
        result.removeAll();
        if (!report.microphoneWorks()) {
            result.add(line("check-microphone", MicrophoneHelp.text(this, report.microphone())));
            return;
        }
        result.add(line("check-microphone", getTranslation("check.microphone.ok")));
        if (report.failure() != null) {
            result.add(line("check-network", getTranslation("0".equals(report.failure()) ? "check.failed" : "check.failed.code", report.failure())));
            return;
        }
        var quality = report.quality() == null ? "degraded" : report.quality();
        var number = NumberFormat.getNumberInstance(getLocale());
        number.setMaximumFractionDigits(1);
        result.add(line("check-network", getTranslation("check.network", getTranslation("check.quality." + quality),
                report.mos() == null ? "?" : number.format(report.mos()), report.rtt() == null ? "?" : report.rtt(),
                report.jitter() == null ? "?" : report.jitter())));
        result.add(line("check-advice", getTranslation("check.advice." + quality)));
        if (report.edge() != null) {
            result.add(line("check-edge", getTranslation("check.edge", edgeName(report.edge()))));
        }
    }

    private static String edgeName(String edge) {
        var words = edge.replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static Paragraph line(String id, String text) {
        var paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }
}
