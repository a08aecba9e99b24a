package com.mobayilo.payments.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.mobayilo.payments.TopUps;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Payments whose refunds and disputes asked back more than they credited: the excess was not booked, and an
 * operator finds out why with Stripe (docs/decisions/0024-taking-back-payments-and-memo-keys.md).
 */
@Route("operator/payments")
@Menu(title = "nav.operator.payments", order = 93, icon = "vaadin:warning")
@RolesAllowed("OPERATOR")
class OperatorPaymentsView extends VerticalLayout implements HasDynamicTitle {

    OperatorPaymentsView(TopUps topUps) {
        addClassName("page");
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(ClientZone.of(UI.getCurrent()));
        var payments = topUps.toReview(200).collectList().block(UiWait.LIMIT);
        var list = new UnorderedList();
        list.setId("payments-to-review");
        list.getElement().setAttribute("aria-label", getTranslation("operator.payments.title"));
        payments.forEach(payment -> list.add(new ListItem(getTranslation("operator.payments.row", time.format(payment.since()), payment.payer(),
                payment.amount().format(getLocale()), getTranslation("operator.payments.status." + payment.status().name()),
                payment.refunded().format(getLocale()), payment.disputed().format(getLocale()), payment.excess().format(getLocale()),
                payment.topUp().toString()))));
        var none = new Paragraph(getTranslation("operator.payments.none"));
        none.setVisible(payments.isEmpty());
        add(new H1(getTranslation("operator.payments.title")), new Paragraph(getTranslation("operator.payments.intro")), none, list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.payments.page.title");
    }
}
