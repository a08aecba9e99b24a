package com.mobayilo.calls.web;

import java.security.Principal;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.calls.twilio.VoiceTokens;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code POST /api/calls/token}: a short-lived Twilio access token for the caller behind the API key. */
@Configuration(proxyBeanMethods = false)
class VoiceTokenRoutes {

    @Bean
    RouterFunction<ServerResponse> voiceTokenApi(VoiceTokens tokens) {
        return RouterFunctions.route().POST("/api/calls/token", request -> issue(request, tokens)).build();
    }

    private static Mono<ServerResponse> issue(ServerRequest request, VoiceTokens tokens) {
        var address = request.remoteAddress().map(remote -> remote.getAddress().getHostAddress()).orElse("unknown");
        return request.principal()
                .map(VoiceTokenRoutes::account)
                .flatMap(account -> tokens.issue(account.id(), address))
                .flatMap(token -> ServerResponse.ok().cacheControl(CacheControl.noStore())
                        .bodyValue(new TokenResponse(token.jwt(), token.identity(), token.expiresAt().toString())));
    }

    private static AccountPrincipal account(Principal principal) {
        return (AccountPrincipal) ((Authentication) principal).getPrincipal();
    }

    record TokenResponse(String token, String identity, String expiresAt) {
    }
}
