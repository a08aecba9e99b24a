package com.mobayilo.payments.ui;

import java.time.Duration;
import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.payments.Receipts;
import com.mobayilo.payments.TopUp;
import com.mobayilo.payments.TopUpId;
import com.mobayilo.payments.TopUpStatus;
import com.mobayilo.payments.TopUps;
import com.mobayilo.shared.Money;
import com.mobayilo.ui.AppIcon;
import com.mobayilo.ui.LiveBinding;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.WalletOwners;
import com.mobayilo.wallet.ui.BalanceUpdates;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the checkout sends the payer back. It never credits anything: the provider's webhook does. Until that
 * has happened it says the payment is being credited, and it switches by itself when the wallet's
 * {@code balance.changed} arrives and the top-up reads paid. Only the payer's own top-ups exist here.
 */
@Route("wallet/top-up/:id")
@RolesAllowed({"INDIVIDUAL", "COMPANY_ADMIN"})
class TopUpView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    // The stream starts from "now" once connected: one more look after it has surely connected catches an
    // event that landed between this page's first read and the connection.
    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final TopUps topUps;

    private final WalletOwners owners;

    private final BalanceUpdates updates;

    private final AccountPrincipal principal;

    private final Div status = new Div();

    private final Paragraph message = new Paragraph();

    private final Div links = new Div();

    private TopUp topUp;

    TopUpView(AuthenticationContext authentication, TopUps topUps, WalletOwners owners, BalanceUpdates updates) {
        this.topUps = topUps;
        this.owners = owners;
        this.updates = updates;
        this.principal = authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
        addClassNames("page", "topup-page");
        message.setId("topup-status");
        message.getElement().setAttribute("role", "status");
        message.getElement().setAttribute("aria-live", "polite");
        status.addClassNames("wallet-section", "topup-status");
        links.addClassName("topup-links");
        add(new H1(getTranslation("topup.done.title")), status);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        topUp = event.getRouteParameters().get("id").flatMap(TopUpId::tryParse)
                .flatMap(id -> topUps.findFor(id, principal.id()).blockOptional(UiWait.LIMIT))
                .orElseThrow(NotFoundException::new);
        show(topUp, Optional.empty());
        if (!topUp.status().isSettled()) {
            var triggers = Flux.merge(updates.of(principal).map(changed -> Optional.of(Money.cents(changed.balanceCents()))),
                    Mono.just(Optional.<Money>empty()), Mono.delay(CATCH_UP).map(tick -> Optional.<Money>empty()));
            LiveBinding.bind(status, triggers, this::recheck);
        }
    }

    private void recheck(Optional<Money> balance) {
        if (topUp.status().isSettled()) {
            return;
        }
        topUp = topUps.findFor(topUp.id(), principal.id()).block(UiWait.LIMIT);
        show(topUp, balance);
    }

    private void show(TopUp current, Optional<Money> balance) {
        status.removeAll();
        links.removeAll();
        if (current.isPaid()) {
            var newBalance = balance.orElseGet(() -> owners.walletOf(principal).block(UiWait.LIMIT).balance());
            message.setText(getTranslation("topup.done.credited", current.amount().cents(), newBalance.format(getLocale())));
            status.add(icon(AppIcon.CHECK_CIRCLE, "topup-icon-done"), message);
            links.add(link(Receipts.PAGE + "/" + current.id(), "topup.done.receipt", "topup-receipt-link"));
        }
        else if (current.status() == TopUpStatus.FAILED) {
            message.setText(getTranslation("topup.done.failed"));
            status.add(icon(AppIcon.CLOSE_CIRCLE, "topup-icon-failed"), message);
        }
        else {
            message.setText(getTranslation("topup.done.crediting"));
            var progress = new ProgressBar();
            progress.setIndeterminate(true);
            progress.getElement().setAttribute("aria-label", getTranslation("topup.done.crediting"));
            var hint = new Paragraph(getTranslation("topup.done.hint"));
            hint.addClassName("topup-hint");
            status.add(message, progress, hint);
        }
        links.add(link("call", "topup.done.dialer", "topup-dialer-link"), link("wallet", "topup.done.wallet", "topup-wallet-link"));
        status.add(links);
    }

    private static Div icon(AppIcon icon, String className) {
        var holder = new Div(icon.create());
        holder.addClassNames("topup-icon", className);
        holder.getElement().setAttribute("aria-hidden", "true");
        return holder;
    }

    private Anchor link(String href, String key, String className) {
        var link = new Anchor(href, getTranslation(key));
        link.addClassName(className);
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("topup.done.page.title");
    }
}
