package com.mobayilo.calls.ui;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * The ticking timer of a call, with its running cost and time left ({@code mobayilo-call-timer.ts}). It ticks
 * in the browser, so a running call costs no server round trips; the server sets it from the call's events.
 */
@Tag("mobayilo-call-timer")
@JsModule("./mobayilo-call-timer.ts")
class CallTimer extends Component {

    CallTimer(double speed) {
        setId("call-timer");
        getElement().setAttribute("speed", Double.toString(speed));
        getElement().setAttribute("label-cost", getTranslation("dialer.timer.cost"));
        getElement().setAttribute("label-left", getTranslation("dialer.timer.left"));
        getElement().setAttribute("warning", getTranslation("dialer.timer.warning"));
        setVisible(false);
    }

    void run(Instant answeredAt, long rateCents, int limitSeconds, String locale) {
        getElement().setProperty("locale", locale);
        getElement().setProperty("rateCents", rateCents);
        getElement().setProperty("limitSeconds", limitSeconds);
        getElement().setProperty("startedAt", answeredAt.toEpochMilli());
        getElement().removeProperty("endedSeconds");
        getElement().setProperty("running", true);
        setVisible(true);
    }

    /** Gone, and forgotten: the next call starts from a blank timer, not the last one's cost and time left. */
    void reset() {
        getElement().setProperty("running", false);
        getElement().setProperty("startedAt", 0);
        getElement().setProperty("limitSeconds", 0);
        getElement().removeProperty("endedSeconds");
        setVisible(false);
    }
}
