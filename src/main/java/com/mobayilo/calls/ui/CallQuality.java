package com.mobayilo.calls.ui;

import java.util.LinkedHashSet;
import java.util.SequencedSet;
import java.util.Set;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The live quality of the call (docs/decisions/0026-call-quality.md): the Voice SDK's warnings, each with a plain
 * tip, and a lost media connection as a state of the call (reconnecting, then reconnected). Announced to screen
 * readers as it changes. Empty while the call goes well.
 */
class CallQuality extends Div {

    /** Warnings the SDK names, each with its own tip; any other gets the general one. */
    private static final Set<String> KNOWN = Set.of("high-rtt", "low-mos", "high-jitter", "high-packet-loss", "high-packets-lost-fraction",
            "constant-audio-input-level", "constant-audio-output-level");

    private final Span badge = new Span();

    private final Paragraph tip = new Paragraph();

    /** Warnings raised and not cleared yet, the latest last: the latest is shown. */
    private final SequencedSet<String> active = new LinkedHashSet<>();

    private boolean reconnecting;

    private boolean dropped;

    CallQuality() {
        setId("call-quality");
        addClassName("call-quality");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-label", getTranslation("quality.label"));
        badge.addClassName("call-quality-badge");
        tip.addClassName("call-quality-tip");
        add(badge, tip);
        show(null, null, "");
    }

    void warning(String name) {
        active.remove(name);
        active.addLast(name);
        refresh();
    }

    void cleared(String name) {
        active.remove(name);
        if (active.isEmpty() && !reconnecting) {
            show(getTranslation("quality.good"), getTranslation("quality.cleared"), "good");
        }
        else {
            refresh();
        }
    }

    void reconnecting() {
        reconnecting = true;
        refresh();
    }

    void reconnected() {
        reconnecting = false;
        if (active.isEmpty()) {
            show(getTranslation("quality.good"), getTranslation("quality.reconnected"), "good");
        }
        else {
            refresh();
        }
    }

    /** A new call starts: nothing to say. */
    void reset() {
        active.clear();
        reconnecting = false;
        dropped = false;
        show(null, null, "");
    }

    /** The call ended: its warnings no longer matter, but a drop is still explained. */
    void ended() {
        if (!dropped) {
            reset();
        }
    }

    /** The SDK ended the call with a network error (the 31xxx and 53xxx families). */
    void dropped() {
        active.clear();
        reconnecting = false;
        dropped = true;
        show(getTranslation("quality.dropped.badge"), getTranslation("quality.dropped"), "lost");
    }

    private void refresh() {
        if (reconnecting) {
            show(getTranslation("quality.reconnecting.badge"), getTranslation("quality.reconnecting"), "lost");
        }
        else if (!active.isEmpty()) {
            var name = active.getLast();
            show(getTranslation("quality.weak"), getTranslation("quality.warning." + (KNOWN.contains(name) ? name : "other")), "weak");
        }
        else {
            show(null, null, "");
        }
    }

    private void show(String state, String advice, String level) {
        badge.setText(state == null ? "" : state);
        tip.setText(advice == null ? "" : advice);
        getElement().setAttribute("data-level", level);
        // Stays in the page when empty: a live region that appears with its text is not announced.
        setClassName("call-quality-quiet", state == null);
    }
}
