package com.mobayilo.wallet;

import java.security.Principal;
import java.util.Set;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.events.StreamAccess;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A signed-in person follows the balance of the wallet that pays for them; a company's seats do not, as the
 * company's balance is its admins' business.
 */
@Component
class WalletStreams implements StreamAccess {

    private final WalletOwners owners;

    WalletStreams(WalletOwners owners) {
        this.owners = owners;
    }

    @Override
    public Mono<Set<String>> streamsFor(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof AccountPrincipal account
                && account.role() != com.mobayilo.accounts.Role.SEAT) {
            return owners.walletOf(account).map(wallet -> Set.of(Streams.wallet(wallet.id().value())));
        }
        return Mono.just(Set.of());
    }
}
