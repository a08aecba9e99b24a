package com.mobayilo.calls.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.Contact;
import com.mobayilo.calls.Contacts;
import com.mobayilo.calls.InvalidContact;
import com.mobayilo.rating.RatingRefusal;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** The person's contacts: each one a click away from a call, added by name and number, removed with an undo. */
class ContactsSection extends Div {

    private final Contacts contacts;

    private final UserId owner;

    private final Supplier<CountryCode> country;

    private final Consumer<String> dial;

    private final Div list = new Div();

    private final TextField name = new TextField();

    private final TextField number = new TextField();

    private final Details adding = new Details();

    /**
     * @param country the dialer's country, for numbers typed without a calling code
     * @param dial places a call to an E.164 number
     */
    ContactsSection(Contacts contacts, UserId owner, Supplier<CountryCode> country, Consumer<String> dial) {
        this.contacts = contacts;
        this.owner = owner;
        this.country = country;
        this.dial = dial;
        setId("contacts");
        addClassName("dialer-list");
        list.addClassName("dialer-list-items");
        add(new H2(getTranslation("contacts.title")), list, addForm());
        refresh();
    }

    /** Opens the form with {@code raw} as the number, for "save this number". */
    void offer(String raw) {
        number.setValue(raw == null ? "" : raw);
        adding.setOpened(true);
        name.focus();
    }

    private Details addForm() {
        name.setLabel(getTranslation("contacts.name"));
        name.setMaxLength(100);
        name.setRequired(true);
        number.setLabel(getTranslation("contacts.number"));
        number.getElement().setAttribute("inputmode", "tel");
        number.setRequired(true);
        var save = new Button(getTranslation("contacts.save"), event -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("contact-save");
        var form = new HorizontalLayout(name, number, save);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        adding.setSummaryText(getTranslation("contacts.add"));
        adding.add(form);
        return adding;
    }

    private void save() {
        name.setInvalid(false);
        number.setInvalid(false);
        try {
            var saved = contacts.add(owner, name.getValue(), number.getValue(), country.get()).block(UiWait.LIMIT);
            name.clear();
            number.clear();
            adding.setOpened(false);
            refresh();
            notice(getTranslation("contacts.saved", saved.name()), NotificationVariant.SUCCESS);
        }
        catch (InvalidContact invalid) {
            var field = invalid.problem() == InvalidContact.Problem.NAME_MISSING || invalid.problem() == InvalidContact.Problem.NAME_TOO_LONG
                    ? name : number;
            field.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
            field.setInvalid(true);
        }
        catch (RatingRefusal refusal) {
            number.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments()));
            number.setInvalid(true);
        }
    }

    private void refresh() {
        list.removeAll();
        var all = contacts.of(owner).collectList().block(UiWait.LIMIT);
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("contacts.empty")));
        }
        all.forEach(contact -> list.add(line(contact)));
    }

    private HorizontalLayout line(Contact contact) {
        var who = new Div(new Span(contact.name()), new Span(contact.number().international()));
        who.addClassName("dialer-list-who");
        var call = new Button(getTranslation("dialer.call"), AppIcon.PHONE.create(), event -> dial.accept(contact.number().e164()));
        call.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SUCCESS);
        call.getElement().setAttribute("aria-label", getTranslation("contacts.call", contact.name()));
        var remove = new Button(AppIcon.TRASH.create(), event -> remove(contact));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.getElement().setAttribute("aria-label", getTranslation("contacts.remove", contact.name()));
        var line = new HorizontalLayout(who, call, remove);
        line.addClassName("dialer-list-line");
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return line;
    }

    private void remove(Contact contact) {
        contacts.remove(owner, contact.id()).block(UiWait.LIMIT);
        refresh();
        var undo = new Button(getTranslation("contacts.undo"));
        undo.addThemeVariants(ButtonVariant.TERTIARY);
        var notification = new Notification(new HorizontalLayout(new Span(getTranslation("contacts.removed", contact.name())), undo));
        undo.addClickListener(event -> {
            contacts.add(owner, contact.name(), contact.number().e164(), null).block(UiWait.LIMIT);
            notification.close();
            refresh();
        });
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.open();
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
