package com.mobayilo.companies;

import java.security.Principal;
import java.util.Set;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Role;
import com.mobayilo.events.StreamAccess;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A company's admins follow its stream: every seat's calls (numbers masked) and changes ({@code seat.updated}). */
@Component
class CompanyStreams implements StreamAccess {

    @Override
    public Mono<Set<String>> streamsFor(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof AccountPrincipal account
                && account.role() == Role.COMPANY_ADMIN && account.company().isPresent()) {
            return Mono.just(Set.of(Streams.company(account.companyId())));
        }
        return Mono.just(Set.of());
    }
}
