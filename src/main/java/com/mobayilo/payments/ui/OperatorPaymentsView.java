package com.mobayilo.payments.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.mobayilo.payments.PaymentToReview;
import com.mobayilo.payments.TopUps;
import com.mobayilo.ui.ClientZone;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Payments whose refunds and disputes asked back more than they credited: the excess was not booked, and an
 * operator finds out why with Stripe (docs/decisions/0024-taking-back-payments.md).
 */
@Route("operator/payments")
@Menu(title = "nav.operator.payments", order = 93, icon = "vaadin:warning")
@RolesAllowed("OPERATOR")
class OperatorPaymentsView extends VerticalLayout implements HasDynamicTitle {

    OperatorPaymentsView(TopUps topUps) {
        addClassName("page");
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(ClientZone.of(UI.getCurrent()));
        var grid = new Grid<PaymentToReview>();
        grid.addColumn(row -> time.format(row.since())).setHeader(getTranslation("operator.payments.since")).setAutoWidth(true);
        grid.addColumn(PaymentToReview::payer).setHeader(getTranslation("operator.payments.payer")).setAutoWidth(true);
        grid.addColumn(row -> row.amount().format(getLocale())).setHeader(getTranslation("operator.payments.amount")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> getTranslation("operator.payments.status." + row.status().name())).setHeader(getTranslation("operator.payments.status"));
        grid.addColumn(row -> row.refunded().format(getLocale())).setHeader(getTranslation("operator.payments.refunded")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> row.disputed().format(getLocale())).setHeader(getTranslation("operator.payments.disputed")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> row.excess().format(getLocale())).setHeader(getTranslation("operator.payments.excess")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> row.topUp().toString()).setHeader(getTranslation("operator.payments.topup")).setAutoWidth(true);
        grid.setAriaLabel(getTranslation("operator.payments.title"));
        grid.setEmptyStateText(getTranslation("operator.payments.none"));
        grid.setAllRowsVisible(true);
        // A grid without a width in a start-aligned layout has none, and never asks for its rows.
        grid.setWidthFull();
        grid.setItems(topUps.toReview(200).collectList().block());
        add(new H1(getTranslation("operator.payments.title")), new Paragraph(getTranslation("operator.payments.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.payments.page.title");
    }
}
