package com.mobayilo.payments;

import com.mobayilo.accounts.Users;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Receipts of paid top-ups, each readable only by the person who paid. The card is asked of the provider once,
 * by whichever comes first (the receipt job or the payer opening the receipt), and kept on the top-up.
 */
@Service
public class Receipts {

    public static final String PAGE = "receipts";

    private final TopUps topUps;

    private final Users users;

    private final Checkouts checkouts;

    Receipts(TopUps topUps, Users users, Checkouts checkouts) {
        this.topUps = topUps;
        this.users = users;
        this.checkouts = checkouts;
    }

    /**
     * The receipt of {@code id} for a reader whose wallet is {@code readersWallet}; empty when it is not that
     * wallet's or not paid, so others' ids reveal nothing. A company's admins read each other's receipts.
     */
    public Mono<Receipt> of(TopUpId id, com.mobayilo.wallet.WalletId readersWallet) {
        return topUps.findIn(id, readersWallet).filter(TopUp::isPaid).flatMap(this::of);
    }

    Mono<Receipt> of(TopUp topUp) {
        return withCard(topUp).flatMap(withCard -> users.findById(withCard.payer()).map(payer -> Receipt.of(withCard, payer)));
    }

    private Mono<TopUp> withCard(TopUp topUp) {
        if (topUp.cardLast4() != null) {
            return Mono.just(topUp);
        }
        return checkouts.cardOf(topUp).flatMap(card -> card
                .map(known -> topUps.card(topUp.id(), known.brand(), known.last4()).then(topUps.find(topUp.id())))
                .orElseGet(() -> Mono.just(topUp)));
    }
}
