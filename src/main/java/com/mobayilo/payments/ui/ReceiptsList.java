package com.mobayilo.payments.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.payments.Receipt;
import com.mobayilo.payments.Receipts;
import com.mobayilo.payments.TopUp;
import com.mobayilo.payments.TopUps;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletId;
import com.mobayilo.wallet.ui.BalanceUpdates;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The wallet's receipts, newest first, each linking to its printable page; a new one appears as soon as it is paid. */
class ReceiptsList extends Div {

    private static final int SHOWN = 20;

    private final TopUps topUps;

    private final WalletId wallet;

    private final DateTimeFormatter time;

    private final UnorderedList list = new UnorderedList();

    private final Paragraph none = new Paragraph();

    ReceiptsList(TopUps topUps, WalletId wallet, ZoneId zone, BalanceUpdates updates, AccountPrincipal principal) {
        this.topUps = topUps;
        this.wallet = wallet;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        setId("receipts");
        addClassNames("wallet-section", "receipts");
        list.addClassName("receipt-list");
        none.setText(getTranslation("topup.receipts.none"));
        add(new H2(getTranslation("topup.receipts")), none, list);
        refresh();
        LiveBinding.bind(this, updates.of(principal), changed -> refresh());
    }

    private void refresh() {
        var paid = topUps.paidOf(wallet, SHOWN).collectList().block(UiWait.LIMIT);
        list.removeAll();
        paid.forEach(topUp -> list.add(line(topUp)));
        none.setVisible(paid.isEmpty());
        list.setVisible(!paid.isEmpty());
    }

    private ListItem line(TopUp topUp) {
        var when = new Span(time.format(topUp.paidAt()));
        when.addClassName("receipt-line-date");
        var amount = new Span(topUp.amount().format(getLocale()));
        amount.addClassName("receipt-line-amount");
        var credits = new Span(getTranslation("wallet.credits", topUp.amount().cents()));
        credits.addClassName("receipt-line-credits");
        var number = Receipt.numberOf(topUp.id());
        var link = new Anchor(Receipts.PAGE + "/" + topUp.id(), getTranslation("topup.receipts.open", number));
        link.addClassName("receipt-line-link");
        var line = new ListItem(when, amount, credits, link);
        line.addClassName("receipt-line");
        return line;
    }
}
