package com.mobayilo.wallet;

import com.mobayilo.accounts.AccountPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Which wallet pays for a signed-in person: an individual's own, a company member's company's. */
@Component
public class WalletOwners {

    private final Ledger ledger;

    WalletOwners(Ledger ledger) {
        this.ledger = ledger;
    }

    public Mono<Wallet> walletOf(AccountPrincipal principal) {
        return ledger.walletOf(ownerOf(principal));
    }

    public static Owner ownerOf(AccountPrincipal principal) {
        return principal.company().map(Owner::company).orElseGet(() -> Owner.user(principal.id().value()));
    }
}
