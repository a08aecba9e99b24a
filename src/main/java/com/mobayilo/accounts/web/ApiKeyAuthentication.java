package com.mobayilo.accounts.web;

import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountStanding;
import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.shared.Detached;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bearer API keys on the core: {@code Authorization: Bearer mby_…}. The core's security chain picks these two
 * beans up by type, so it needs no knowledge of accounts.
 */
@Component
class ApiKeyAuthentication implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    private final ApiKeys keys;

    private final List<AccountStanding> standing;

    ApiKeyAuthentication(ApiKeys keys, List<AccountStanding> standing) {
        this.keys = keys;
        this.standing = standing;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("api-key", header.substring(7).strip()));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication candidate) {
        // Detached: an event stream lives as long as the request it was authenticated on (docs/benchmarks.md, P3).
        return Detached.value(keys.authenticate(String.valueOf(candidate.getCredentials()))
                        .filterWhen(principal -> Flux.fromIterable(standing).flatMap(each -> each.allows(principal)).all(Boolean::booleanValue)))
                .map(ApiKeyAuthentication::authenticated)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown, revoked or expired API key")));
    }

    private static Authentication authenticated(AccountPrincipal principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(new SimpleGrantedAuthority(principal.role().authority())));
    }
}
