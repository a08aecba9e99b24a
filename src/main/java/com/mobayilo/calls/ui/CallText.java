package com.mobayilo.calls.ui;

import java.util.Locale;

import com.mobayilo.calls.Call;
import com.mobayilo.calls.CallStatus;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.RatingRefusal;
import com.vaadin.flow.component.Component;

/** How a call reads to its caller, the same on the dialer and in the history. */
final class CallText {

    private CallText() {
    }

    /** The destination in international format; as it was typed when it was never a valid number. */
    static String destination(Call call) {
        return readable(call.destination());
    }

    /** A stored number in international format, or as it is when it is not a valid number. */
    static String readable(String number) {
        try {
            return PhoneNumber.parse(number, null).international();
        }
        catch (RatingRefusal notANumber) {
            return number;
        }
    }

    /** The call's status in a word or two ("Answered", "Busy"); a refusal gives its reason. */
    static String outcome(Component view, Call call) {
        return call.status() == CallStatus.REFUSED ? view.getTranslation("call.refused." + call.refusal())
                : view.getTranslation("history.status." + call.status().name());
    }

    /** "Answered, 1:10 · $0.44" for a call that was answered; its status otherwise ("Busy"). */
    static String summary(Component view, Call call, Locale locale) {
        if (call.status() != CallStatus.COMPLETED || call.bill().billedMinutes() == 0) {
            return outcome(view, call);
        }
        return view.getTranslation("dialer.recent.answered", duration(call.durationSeconds()), call.bill().cost().format(locale));
    }

    /** Talk time as m:ss (or h:mm:ss). */
    static String duration(Integer seconds) {
        var total = seconds == null ? 0 : seconds;
        return total >= 3600 ? "%d:%02d:%02d".formatted(total / 3600, total / 60 % 60, total % 60) : "%d:%02d".formatted(total / 60, total % 60);
    }
}
