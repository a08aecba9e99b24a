package com.mobayilo.calls.web;

import java.security.Principal;
import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.calls.twilio.VoiceTokens;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** {@code POST /api/calls/token}: a short-lived Twilio access token for the caller behind the API key. */
@Configuration(proxyBeanMethods = false)
class VoiceTokenRoutes {

    @Bean
    RouterFunction<ServerResponse> voiceTokenApi(VoiceTokens tokens, JsonMapper json) {
        return RouterFunctions.route().POST("/api/calls/token", request -> issue(request, tokens, json)).build();
    }

    private static Mono<ServerResponse> issue(ServerRequest request, VoiceTokens tokens, JsonMapper json) {
        var address = request.remoteAddress().map(remote -> remote.getAddress().getHostAddress()).orElse("unknown");
        return nothingOrJson(request, json).then(request.principal())
                .map(VoiceTokenRoutes::account)
                .flatMap(account -> tokens.issue(account.id(), address))
                .flatMap(token -> ServerResponse.ok().cacheControl(CacheControl.noStore())
                        .bodyValue(new TokenResponse(token.jwt(), token.identity(), token.expiresAt().toString())));
    }

    /**
     * A token needs no input. Clients may still send a JSON body (often {@code {}}), which is ignored; anything else
     * is refused rather than silently accepted: another content type 415, broken JSON 400, over 256 KB 413.
     */
    private static Mono<Void> nothingOrJson(ServerRequest request, JsonMapper json) {
        var type = request.headers().contentType().orElse(null);
        return request.bodyToMono(String.class).filter(body -> !body.isBlank()).flatMap(body -> ignoredJson(body, type, json));
    }

    private static Mono<Void> ignoredJson(String body, MediaType type, JsonMapper json) {
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON)));
        }
        try {
            json.readTree(body);
            return Mono.empty();
        }
        catch (JacksonException broken) {
            return Mono.error(new ServerWebInputException("The body is not JSON"));
        }
    }

    private static AccountPrincipal account(Principal principal) {
        return (AccountPrincipal) ((Authentication) principal).getPrincipal();
    }

    record TokenResponse(String token, String identity, String expiresAt) {
    }
}
