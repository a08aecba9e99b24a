package com.mobayilo.calls.ui;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallerId;
import com.mobayilo.calls.CallerIdDefault;
import com.mobayilo.calls.CallerIdVerification;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** Who the people called will see, and the way to show one's own number instead. */
class CallerIdLine extends Paragraph {

    CallerIdLine(CallerIdVerification callerIds, CallerIdDefault defaultCallerId, UserId caller) {
        var own = callerIds.current(caller).filter(CallerId::isVerified).map(CallerId::number).blockOptional(UiWait.LIMIT);
        var shown = CallText.readable(own.orElse(defaultCallerId.number()));
        add(new Span(getTranslation(own.isPresent() ? "dialer.callerid.own" : "dialer.callerid.default", shown) + " "),
                new Anchor("caller-id", getTranslation("dialer.callerid.change")));
        setId("dial-caller-id");
        addClassName("dial-caller-id");
    }
}
