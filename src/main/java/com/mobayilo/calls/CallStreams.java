package com.mobayilo.calls;

import java.security.Principal;
import java.util.Set;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.events.StreamAccess;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A signed-in person follows their own calls ({@code call.updated} on their user stream). */
@Component
class CallStreams implements StreamAccess {

    @Override
    public Mono<Set<String>> streamsFor(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof AccountPrincipal account) {
            return Mono.just(Set.of(Streams.user(account.id().value())));
        }
        return Mono.just(Set.of());
    }
}
