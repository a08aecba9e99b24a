package com.mobayilo.calls.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;

/** The in-call keypad, for menus that ask to "press 1": shown only while a call is connected. */
class Keypad extends Details {

    Keypad(Consumer<String> press) {
        var keys = new Div();
        keys.addClassName("dialer-keypad");
        for (var key : "123456789*0#".split("")) {
            var button = new Button(key, event -> press.accept(key));
            button.getElement().setAttribute("aria-label", getTranslation("dialer.key", key));
            keys.add(button);
        }
        setSummaryText(getTranslation("dialer.keypad"));
        add(keys);
        setId("dial-keypad");
        setVisible(false);
    }
}
