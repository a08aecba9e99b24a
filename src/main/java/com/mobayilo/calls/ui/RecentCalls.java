package com.mobayilo.calls.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.Call;
import com.mobayilo.calls.CallHistory;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The last few calls, each redialled with one click, and the way to the full history. */
class RecentCalls extends Div {

    private static final int SHOWN = 8;

    private final CallHistory history;

    private final UserId caller;

    private final Consumer<String> dial;

    private final DateTimeFormatter time;

    private final Div list = new Div();

    RecentCalls(CallHistory history, UserId caller, ZoneId zone, Consumer<String> dial) {
        this.history = history;
        this.caller = caller;
        this.dial = dial;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        setId("recents");
        addClassName("dialer-list");
        list.addClassName("dialer-list-items");
        add(new H2(getTranslation("dialer.recents")), list, new Anchor("calls", getTranslation("dialer.history.link")));
        refresh();
    }

    void refresh() {
        list.removeAll();
        var calls = history.recent(caller, SHOWN).collectList().block(UiWait.LIMIT);
        if (calls.isEmpty()) {
            list.add(new Paragraph(getTranslation("dialer.recents.empty")));
        }
        calls.forEach(call -> list.add(line(call)));
    }

    private HorizontalLayout line(Call past) {
        var number = CallText.destination(past);
        var who = new Div(new Span(number), new Span(time.format(past.createdAt()) + " · " + CallText.summary(this, past, getLocale())));
        who.addClassName("dialer-list-who");
        var redial = new Button(getTranslation("dialer.redial"), AppIcon.PHONE.create(), event -> dial.accept(past.destination()));
        redial.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SUCCESS);
        redial.getElement().setAttribute("aria-label", getTranslation("dialer.redial.named", number));
        var line = new HorizontalLayout(who, redial);
        line.addClassName("dialer-list-line");
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return line;
    }
}
