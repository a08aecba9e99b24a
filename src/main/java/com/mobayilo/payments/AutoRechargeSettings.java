package com.mobayilo.payments;

import java.util.Optional;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** A wallet's auto-recharge, as its owner sees and changes it. */
@Service
public class AutoRechargeSettings {

    private final AutoRecharges autoRecharges;

    private final TopUps topUps;

    AutoRechargeSettings(AutoRecharges autoRecharges, TopUps topUps) {
        this.autoRecharges = autoRecharges;
        this.topUps = topUps;
    }

    public Mono<Optional<AutoRecharge>> of(WalletId wallet) {
        return autoRecharges.find(wallet).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Saves the settings; turning it on again after a refused charge clears the reason. */
    public Mono<AutoRecharge> save(WalletId wallet, UserId payer, boolean enabled, Money threshold, Money amount, Money ceiling) {
        return of(wallet)
                .map(current -> AutoRecharge.configure(wallet, payer, enabled, threshold, amount, ceiling, current.flatMap(AutoRecharge::card)))
                .flatMap(settings -> autoRecharges.save(settings).thenReturn(settings));
    }

    /** The card auto-recharge charges, as brand and last four digits, once the checkout that saved it is known. */
    public Mono<Optional<Checkouts.Card>> cardOf(AutoRecharge settings) {
        return Mono.justOrEmpty(settings.card())
                .flatMap(card -> topUps.find(card.savedAt()))
                .filter(topUp -> topUp.cardLast4() != null)
                .map(topUp -> Optional.of(new Checkouts.Card(topUp.cardBrand(), topUp.cardLast4())))
                .defaultIfEmpty(Optional.empty());
    }
}
