package com.mobayilo.payments;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts a purchase of credit: records the top-up, then opens the checkout it is paid on. Nothing is credited
 * here; only the provider's confirmation does that ({@link Payments}).
 */
@Service
public class TopUpStarts {

    private static final Logger log = LoggerFactory.getLogger(TopUpStarts.class);

    private final TopUps topUps;

    private final Checkouts checkouts;

    private final AutoRecharges autoRecharges;

    private final Clock clock;

    private final String uiUrl;

    TopUpStarts(TopUps topUps, Checkouts checkouts, AutoRecharges autoRecharges, Clock clock, @Value("${mobayilo.ui-url}") String uiUrl) {
        this.topUps = topUps;
        this.checkouts = checkouts;
        this.autoRecharges = autoRecharges;
        this.clock = clock;
        this.uiUrl = uiUrl.replaceAll("/+$", "");
    }

    /** The checkout page to send the payer to for {@code amount} on {@code wallet}. */
    public Mono<Started> start(User payer, WalletId wallet, Money amount, Locale language) {
        return savesCard(wallet)
                .map(saves -> TopUp.open(wallet, payer.id(), amount, language, saves, clock.instant()))
                .flatMap(topUps::insert)
                .flatMap(topUp -> checkouts.open(topUp, links(topUp), payer.email().value())
                        .onErrorMap(ex -> !(ex instanceof InvalidTopUp), ex -> unavailable(topUp, ex))
                        .flatMap(session -> topUps.checkoutOpened(topUp.id(), session.id()).thenReturn(new Started(topUp.id(), session.url()))));
    }

    /** A checkout saves the card when auto-recharge is on and has no card to charge yet. */
    private Mono<Boolean> savesCard(WalletId wallet) {
        return autoRecharges.find(wallet).map(settings -> settings.enabled() && settings.card().isEmpty()).defaultIfEmpty(false);
    }

    private Checkouts.Links links(TopUp topUp) {
        return new Checkouts.Links(URI.create(uiUrl + "/wallet/top-up/" + topUp.id()), URI.create(uiUrl + "/wallet?checkout=cancelled"));
    }

    private static InvalidTopUp unavailable(TopUp topUp, Throwable ex) {
        log.warn("Could not open a checkout for top-up {}: {}", topUp.id(), ex.toString());
        return new InvalidTopUp(InvalidTopUp.Problem.UNAVAILABLE);
    }

    public record Started(TopUpId topUp, URI checkoutUrl) {
    }
}
