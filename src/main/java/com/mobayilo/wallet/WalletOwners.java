package com.mobayilo.wallet;

import com.mobayilo.accounts.AccountPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Which wallet pays for a signed-in person: an individual's own. */
@Component
public class WalletOwners {

    private final Ledger ledger;

    WalletOwners(Ledger ledger) {
        this.ledger = ledger;
    }

    public Mono<Wallet> walletOf(AccountPrincipal principal) {
        return ledger.walletOf(Owner.user(principal.id().value()));
    }
}
