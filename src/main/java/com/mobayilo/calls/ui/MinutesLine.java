package com.mobayilo.calls.ui;

import com.mobayilo.calls.CallableMinutes;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * What the caller can really call now: the minutes their credit buys, or the cap that allows fewer, and why
 * ("22 minutes today: new accounts can spend $5.00 a day for their first 7 days"). When the credit does not
 * cover a minute, the way to add some.
 */
class MinutesLine extends Paragraph {

    MinutesLine(CallableMinutes reach, boolean paysOwnCalls) {
        setId("dial-minutes");
        var locale = getLocale();
        if (reach.limitedByCredit() && reach.minutes() == 0) {
            if (paysOwnCalls) {
                var add = new Anchor("wallet#add-credit", getTranslation("dialer.credit.add"));
                add.setId("dial-add-credit");
                add(new Span(getTranslation("dialer.credit.short") + " "), add);
            }
            else {
                setText(getTranslation("dialer.credit.short.seat"));
            }
            return;
        }
        setText(reach.limitedByCredit() ? getTranslation("rates.minutes", reach.minutes())
                : getTranslation("dialer.reach." + reach.limit().name(), reach.minutes(), reach.cap().format(locale), reach.newAccountDays()));
    }
}
