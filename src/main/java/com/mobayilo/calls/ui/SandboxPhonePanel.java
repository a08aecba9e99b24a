package com.mobayilo.calls.ui;

import com.mobayilo.calls.sandbox.SandboxCallerIds;
import com.mobayilo.ui.AppIcon;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The sandbox's stand-in for the person's ringing phone: Twilio would call their number and ask for the code on
 * its keypad; here they type it on this panel's keypad, and the sandbox carrier posts the outcome to the same
 * signed webhook as Twilio (docs/decisions/0014-caller-id.md). Shown only while the sandbox is calling.
 */
class SandboxPhonePanel extends Section {

    private final SandboxCallerIds sandbox;

    private final Paragraph calling = new Paragraph();

    private final TextField digits = new TextField();

    private String callSid;

    SandboxPhonePanel(SandboxCallerIds sandbox) {
        this.sandbox = sandbox;
        setId("sandbox-phone");
        addClassNames("settings-section", "callerid-sandbox-phone");
        getElement().setAttribute("aria-labelledby", "sandbox-phone-title");
        var title = new H2(getTranslation("callerid.sandbox.title"));
        title.setId("sandbox-phone-title");
        digits.setLabel(getTranslation("callerid.sandbox.digits"));
        digits.setMaxLength(12);
        digits.setAllowedCharPattern("[0-9*#]");
        digits.getElement().setAttribute("inputmode", "numeric");
        digits.getElement().setAttribute("autocomplete", "off");
        digits.addClassName("callerid-sandbox-digits");
        var send = new Button(getTranslation("callerid.sandbox.send"), AppIcon.PHONE.create(), event -> send());
        send.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        send.addClickShortcut(Key.ENTER).listenOn(digits);
        var clear = new Button(getTranslation("callerid.sandbox.clear"), event -> digits.clear());
        var actions = new Div(send, clear);
        actions.addClassName("callerid-actions");
        add(title, calling, digits, keypad(), actions);
        setVisible(false);
    }

    private Div keypad() {
        var keys = new Div();
        keys.addClassName("dialer-keypad");
        for (var key : "123456789*0#".split("")) {
            var button = new Button(key, event -> digits.setValue(digits.getValue() + key));
            button.getElement().setAttribute("aria-label", getTranslation("callerid.sandbox.key", key));
            keys.add(button);
        }
        return keys;
    }

    /** The sandbox is calling {@code number} for verification call {@code sid}. */
    void ring(String sid, String number) {
        if (!sid.equals(callSid)) {
            digits.clear();
        }
        callSid = sid;
        calling.setText(getTranslation("callerid.sandbox.text", number));
        setVisible(true);
    }

    void hangUp() {
        callSid = null;
        digits.clear();
        setVisible(false);
    }

    private void send() {
        var sid = callSid;
        var typed = digits.getValue();
        hangUp();
        if (sid != null) {
            sandbox.keypad(sid, typed);
        }
    }
}
