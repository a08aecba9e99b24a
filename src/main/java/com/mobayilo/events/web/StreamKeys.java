package com.mobayilo.events.web;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whether the key an event stream was opened with still opens it: the core security chain's own check, run again
 * when a revocation is announced on the stream (docs/decisions/0022-ending-sessions-and-streams.md). The stream keeps
 * only the presented credentials, a small value, not the request it came with.
 */
record StreamKeys(ServerAuthenticationConverter presented, ReactiveAuthenticationManager check) {

    Mono<Authentication> presentedIn(ServerWebExchange exchange) {
        return presented.convert(exchange);
    }

    /** Any failure, a refusal or a database that cannot answer, ends the stream: the client reconnects and is checked afresh. */
    Mono<Boolean> stillValid(Authentication key) {
        return check.authenticate(key).hasElement().onErrorReturn(false);
    }
}
