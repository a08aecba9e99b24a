package com.mobayilo.payments.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.payments.Receipt;
import com.mobayilo.payments.Receipts;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.ClientZone;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletOwners;
import jakarta.annotation.security.RolesAllowed;

/**
 * A paid top-up's receipt, for its payer only: printable (the app's frame is hidden in print, see styles.css), so
 * the browser saves it as a PDF. Times are in the reader's time zone, which the receipt names.
 */
@Route("receipts/:id")
@RolesAllowed({"INDIVIDUAL", "COMPANY_ADMIN"})
class ReceiptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Receipts receipts;

    private final AccountPrincipal principal;

    private final WalletOwners owners;

    private final SandboxMode sandbox;

    private Receipt receipt;

    ReceiptView(AuthenticationContext authentication, Receipts receipts, WalletOwners owners, SandboxMode sandbox) {
        this.receipts = receipts;
        this.owners = owners;
        this.sandbox = sandbox;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        addClassNames("page", "receipt-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        receipt = event.getRouteParameters().get("id").flatMap(TopUpId::tryParse)
                .flatMap(id -> receipts.of(id, owners.walletOf(principal).block(UiWait.LIMIT).id()).blockOptional(UiWait.LIMIT))
                .orElseThrow(NotFoundException::new);
        removeAll();
        add(actions(), document(ClientZone.of(UI.getCurrent())));
    }

    private Div actions() {
        var print = new Button(getTranslation("topup.receipt.print"), AppIcon.PRINT.create(),
                event -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        var back = new Anchor("wallet", getTranslation("topup.done.wallet"));
        var actions = new Div(back, print);
        actions.addClassName("receipt-actions");
        return actions;
    }

    private Article document(ZoneId zone) {
        var logo = new Image("assets/mobayilo.svg", "");
        logo.addClassName("brand-logo");
        var brand = new Div(logo, new Span("Mobayilo"));
        brand.addClassNames("brand", "brand-name");
        var title = new H1(getTranslation("topup.receipt.title"));
        var number = new Paragraph(receipt.number());
        number.setId("receipt-number");
        number.addClassName("receipt-number");
        var header = new Header(brand, new Div(title, number));
        header.addClassName("receipt-header");
        var details = new DescriptionList();
        details.addClassName("receipt-details");
        term(details, "topup.receipt.date", date(zone), "receipt-date");
        term(details, "topup.receipt.billed", receipt.payerName() + "\n" + receipt.payerEmail(), "receipt-payer");
        term(details, "topup.receipt.method", method(), "receipt-method");
        reference(details);
        var article = new Article(header, details, items(), new Footer(new Paragraph(getTranslation("topup.receipt.footer"))));
        article.setId("receipt");
        article.addClassName("receipt");
        return article;
    }

    private Div items() {
        var amount = receipt.amount().format(getLocale());
        var item = new Div(new Span(getTranslation("topup.receipt.item")), new Span(amount));
        item.addClassName("receipt-item");
        var credits = new Div(new Span(getTranslation("topup.receipt.credits")), span(getTranslation("wallet.credits", receipt.credits()), "receipt-credits"));
        credits.addClassName("receipt-item");
        var total = new Div(new Span(getTranslation("topup.receipt.amount")), span(amount, "receipt-amount"));
        total.addClassNames("receipt-item", "receipt-total");
        var items = new Div(item, credits, total);
        items.addClassName("receipt-items");
        return items;
    }

    private String date(ZoneId zone) {
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(getLocale()).withZone(zone);
        var named = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
        return time.format(receipt.paidAt()) + " (" + named.getDisplayName(TextStyle.FULL, getLocale()) + ")";
    }

    /** The card; in the sandbox, said to be a test card in the reader's language, since no real money moved. */
    private String method() {
        var card = receipt.card().map(known -> getTranslation("topup.receipt.card", receipt.cardBrand().orElseThrow(), known.last4()))
                .orElseGet(() -> getTranslation("topup.receipt.card.unknown"));
        return sandbox.simulatesPayments() ? getTranslation("topup.receipt.card.test", card) : card;
    }

    /**
     * The payment's reference as an identifier ({@code <code>}), copied and quoted exactly, in any language; in the
     * sandbox it is the simulated checkout's, not Stripe's, and its label says so.
     */
    private void reference(DescriptionList details) {
        var label = sandbox.simulatesPayments() ? "topup.receipt.reference.sandbox" : "topup.receipt.reference";
        var description = new DescriptionList.Description(new Code(receipt.reference() == null ? "" : receipt.reference()));
        description.setId("receipt-reference");
        details.add(new DescriptionList.Term(getTranslation(label)), description);
    }

    private void term(DescriptionList list, String key, String value, String id) {
        var description = new DescriptionList.Description(value);
        description.setId(id);
        list.add(new DescriptionList.Term(getTranslation(key)), description);
    }

    private static Span span(String text, String id) {
        var span = new Span(text);
        span.setId(id);
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("topup.receipt.page.title", receipt == null ? "" : receipt.number());
    }
}
