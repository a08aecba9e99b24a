package com.mobayilo.calls.ui;

import com.mobayilo.calls.Call;
import com.mobayilo.calls.CallStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "How this call was billed", in words: the answered seconds, the started minutes they make, times the rate;
 * what was reserved when the call began and that the unused part went back.
 */
class BillingExplanation extends Div {

    BillingExplanation(Call call) {
        this(call, java.util.Optional.empty());
    }

    /** With the drop Twilio reported for the call, if any: credited back, or refused by the daily limit. */
    BillingExplanation(Call call, java.util.Optional<com.mobayilo.calls.CallDrop> drop) {
        addClassName("billing-explanation");
        getElement().setAttribute("role", "note");
        add(new Paragraph(outcome(call)));
        if (call.heldMinutes() > 0) {
            add(new Paragraph(getTranslation(call.isLive() ? "history.bill.live" : "history.bill.hold", call.heldMinutes(),
                    call.heldAmount().format(getLocale()))));
        }
        drop.ifPresent(dropped -> {
            var line = new Paragraph(dropped.refusedByDailyLimit() ? getTranslation("history.bill.drop.limit")
                    : getTranslation("history.bill.drop.credited", dropped.credited().format(getLocale())));
            line.addClassName("billing-drop");
            add(line);
        });
    }

    private String outcome(Call call) {
        if (call.status() == CallStatus.REFUSED) {
            return getTranslation("history.bill.refused", getTranslation("call.refused." + call.refusal()));
        }
        if (call.isLive()) {
            return getTranslation("dialer.outcome." + call.status().name());
        }
        var bill = call.bill();
        if (bill.billedMinutes() == 0) {
            return getTranslation("history.bill.unanswered");
        }
        var text = getTranslation("history.bill.answered", CallText.duration(bill.durationSeconds()), bill.durationSeconds(), bill.billedMinutes(),
                call.rate().cents(), bill.cost().cents(), bill.cost().format(getLocale()));
        return bill.startedMinutes() > bill.billedMinutes() ? text + " " + getTranslation("history.bill.capped", call.heldMinutes()) : text;
    }
}
