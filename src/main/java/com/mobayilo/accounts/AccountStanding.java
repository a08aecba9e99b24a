package com.mobayilo.accounts;

import reactor.core.publisher.Mono;

/**
 * Whether a signed-in person may still act. Checked on every web request and API call, so a seat its admin
 * disabled is signed out everywhere at its next request, on every instance. Features that can lock people out
 * (companies) implement it; everyone else is in good standing.
 */
public interface AccountStanding {

    Mono<Boolean> allows(AccountPrincipal principal);
}
