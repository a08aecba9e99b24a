package com.mobayilo.payments.sandbox.ui;

import java.time.Clock;
import java.time.YearMonth;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.payments.Checkouts;
import com.mobayilo.payments.TopUpStatus;
import com.mobayilo.payments.TopUps;
import com.mobayilo.payments.sandbox.SandboxCheckouts;
import com.mobayilo.payments.sandbox.SandboxCheckouts.OpenSession;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.ui.PublicPage;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's hosted checkout, standing in for Stripe's page: what is bought and for how much, the test cards,
 * and a card form. Paying with a test card that succeeds announces the payment to the Stripe webhook, signed as
 * Stripe signs it, then returns to Mobayilo's success page, exactly as Stripe would. Only in sandbox payments
 * mode, and only for the session's own payer: anywhere else this address is not found.
 */
@Route(value = SandboxCheckouts.PAGE + "/:session", autoLayout = false)
@PermitAll
class SandboxCheckoutView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SandboxCheckoutView.class);

    private final Checkouts checkouts;

    private final TopUps topUps;

    private final AccountPrincipal principal;

    private final Clock clock;

    private CardForm form;

    SandboxCheckoutView(SandboxMode sandbox, Checkouts checkouts, TopUps topUps, AuthenticationContext authentication, Clock clock) {
        super(sandbox);
        this.checkouts = checkouts;
        this.topUps = topUps;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        this.clock = clock;
        addClassName("checkout-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!(checkouts instanceof SandboxCheckouts sandbox)) {
            throw new NotFoundException();
        }
        var session = event.getRouteParameters().get("session").flatMap(sandbox::session).orElseThrow(NotFoundException::new);
        var topUp = topUps.findBySession(session.id()).filter(found -> found.payer().equals(principal.id())).blockOptional(UiWait.LIMIT)
                .orElseThrow(NotFoundException::new);
        if (topUp.status() != TopUpStatus.OPEN) {
            event.forwardToUrl(session.links().success().toString());
            return;
        }
        form = new CardForm(session.amount().format(getLocale()), () -> pay(sandbox, session), () -> leave(session.links().cancel().toString()));
        card().removeAll();
        var layout = new Div(summary(session), form);
        layout.addClassName("checkout");
        card().add(layout);
    }

    private Section summary(OpenSession session) {
        var merchant = new Paragraph(getTranslation("topup.sandbox.merchant"));
        merchant.addClassName("checkout-merchant");
        var total = new H1(session.amount().format(getLocale()));
        total.setId("checkout-total");
        total.addClassName("checkout-total");
        var item = new Div(new Div(new Span(getTranslation("topup.receipt.item")), small(getTranslation("wallet.credits", session.amount().cents()))),
                new Span(session.amount().format(getLocale())));
        item.addClassName("checkout-line");
        var due = new Div(new Span(getTranslation("topup.sandbox.due")), new Span(session.amount().format(getLocale())));
        due.addClassNames("checkout-line", "checkout-due");
        var payer = new Paragraph(getTranslation("topup.sandbox.payer", session.email()));
        payer.addClassName("checkout-payer");
        var summary = new Section(merchant, total, item, due, payer);
        summary.addClassName("checkout-summary");
        return summary;
    }

    private void pay(SandboxCheckouts sandbox, OpenSession session) {
        var card = form.card(YearMonth.now(clock));
        if (card.isEmpty()) {
            return;
        }
        SandboxCheckouts.Outcome outcome;
        try {
            outcome = sandbox.pay(session, card.get()).block(UiWait.LIMIT);
        }
        catch (RuntimeException undelivered) {
            log.warn("The sandbox checkout could not deliver its payment of {} to the webhook: {}", session.id(), undelivered.toString());
            form.refused(getTranslation("topup.sandbox.undelivered"));
            return;
        }
        if (outcome.isPaid()) {
            leave(session.links().success().toString());
        }
        else {
            form.refused(getTranslation("topup.sandbox.refused." + outcome.name()));
        }
    }

    private static void leave(String url) {
        UI.getCurrent().getPage().setLocation(url);
    }

    private static Span small(String text) {
        var span = new Span(text);
        span.addClassName("checkout-small");
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("topup.sandbox.page.title");
    }
}
