package com.mobayilo.companies.ui;

import java.util.Locale;

import com.mobayilo.companies.SeatActivity;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * A seat's call on the dashboard: the dialler's own timer element ({@code mobayilo-call-timer.ts}), so it ticks
 * with the running cost (rate × started minutes) in the browser and no event is needed while a call runs.
 */
@Tag("mobayilo-call-timer")
@JsModule("./mobayilo-call-timer.ts")
class SeatCallTimer extends Component {

    SeatCallTimer(SeatActivity.LiveCall call, double speed, Locale locale) {
        getElement().getClassList().add("seat-cost");
        getElement().setAttribute("speed", Double.toString(speed));
        getElement().setAttribute("label-cost", getTranslation("company.dashboard.cost"));
        getElement().setAttribute("label-left", getTranslation("company.dashboard.left"));
        getElement().setAttribute("warning", getTranslation("company.dashboard.warning"));
        getElement().setProperty("locale", locale.toLanguageTag());
        getElement().setProperty("rateCents", call.rate().cents());
        getElement().setProperty("limitSeconds", call.timeLimitSeconds());
        // Ringing calls have no talk time yet: the timer waits at 0:00 until the call is answered.
        getElement().setProperty("startedAt", call.answeredAt() == null ? 0 : call.answeredAt().toEpochMilli());
        getElement().setProperty("running", call.answeredAt() != null);
    }
}
