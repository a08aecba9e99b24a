package com.mobayilo.payments.sandbox.ui;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.mobayilo.payments.sandbox.CardDetails;
import com.mobayilo.payments.sandbox.CardDetails.Problem;
import com.mobayilo.payments.sandbox.SandboxCheckouts;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;

/** The sandbox checkout's card form: the test cards, the card's fields checked as a card form checks them, Pay and Cancel. */
class CardForm extends Section {

    private final TextField number = field("topup.sandbox.card.number", "card-number", "cc-number", "[0-9 ]", 23);

    private final TextField expiry = field("topup.sandbox.card.expiry", "card-expiry", "cc-exp", "[0-9/ ]", 7);

    private final TextField cvc = field("topup.sandbox.card.cvc", "card-cvc", "cc-csc", "[0-9]", 4);

    private final TextField name = field("topup.sandbox.card.name", "card-name", "cc-name", null, 100);

    private final Paragraph refusal = new Paragraph();

    private final Button pay;

    CardForm(String amount, Runnable onPay, Runnable onCancel) {
        addClassName("checkout-form");
        number.setPlaceholder("1234 1234 1234 1234");
        expiry.setPlaceholder(getTranslation("topup.sandbox.card.expiry.placeholder"));
        cvc.setPlaceholder("123");
        refusal.setId("checkout-refusal");
        refusal.addClassName("checkout-refusal");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);
        pay = new Button(getTranslation("topup.sandbox.pay", amount), event -> onPay.run());
        pay.addThemeVariants(ButtonVariant.PRIMARY);
        pay.setDisableOnClick(true);
        pay.addClickShortcut(Key.ENTER);
        var cancel = new Button(getTranslation("topup.sandbox.cancel"), event -> onCancel.run());
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        cancel.addClassName("checkout-cancel");
        var dates = new Div(expiry, cvc);
        dates.addClassName("checkout-fields-row");
        add(notice(), new H2(getTranslation("topup.sandbox.card.title")), number, dates, name, refusal, pay, cancel);
    }

    private Div notice() {
        var cards = new UnorderedList();
        for (var card : SandboxCheckouts.TEST_CARDS) {
            var digits = new Span(card.number().replaceAll("(\\d{4})(?=\\d)", "$1 "));
            digits.addClassName("checkout-test-card");
            cards.add(new ListItem(digits, new Span(" " + getTranslation("topup.sandbox.outcome." + card.outcome().name()))));
        }
        var title = new Paragraph(getTranslation("topup.sandbox.notice"));
        title.addClassName("checkout-notice-title");
        var notice = new Div(title, cards, new Paragraph(getTranslation("topup.sandbox.notice.details")));
        notice.setId("checkout-sandbox-notice");
        notice.addClassName("checkout-notice");
        notice.getElement().setAttribute("role", "note");
        return notice;
    }

    /** The card typed, when every field is right; otherwise each wrong field says why. */
    Optional<CardDetails> card(YearMonth thisMonth) {
        refusal.setVisible(false);
        List.of(number, expiry, cvc, name).forEach(field -> field.setInvalid(false));
        var problems = CardDetails.problems(number.getValue(), expiry.getValue(), cvc.getValue(), name.getValue(), thisMonth);
        problems.forEach(this::show);
        pay.setEnabled(!problems.isEmpty());
        return problems.isEmpty() ? Optional.of(CardDetails.of(number.getValue(), expiry.getValue(), cvc.getValue(), name.getValue(), thisMonth))
                : Optional.empty();
    }

    /** The card was refused: nothing was charged, and the form stays for another try. */
    void refused(String message) {
        refusal.setText(message);
        refusal.setVisible(true);
        pay.setEnabled(true);
    }

    private void show(Problem problem) {
        var field = switch (problem) {
            case NUMBER_INCOMPLETE, NUMBER_INVALID -> number;
            case EXPIRY_INVALID, EXPIRED -> expiry;
            case CVC_INVALID -> cvc;
            case NAME_MISSING -> name;
        };
        field.setErrorMessage(getTranslation("topup.sandbox.card." + problem.name()));
        field.setInvalid(true);
    }

    private TextField field(String labelKey, String id, String autocomplete, String allowed, int maxLength) {
        var field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.getElement().setAttribute("autocomplete", autocomplete);
        if (allowed != null) {
            field.setAllowedCharPattern(allowed);
            field.getElement().setAttribute("inputmode", "numeric");
        }
        field.setMaxLength(maxLength);
        return field;
    }
}
