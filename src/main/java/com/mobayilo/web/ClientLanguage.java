package com.mobayilo.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Forgets an {@code Accept-Language} that cannot be read ({@code en;q=abc}), before anything else reads it, so the
 * request is answered as it would have been, in English. Spring parses the header strictly and throws, and every
 * answer in the client's language (problem details, rate quotes) would otherwise turn into a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientLanguage implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientLanguage.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || languageOf(exchange.getRequest().getHeaders()) != null) {
            return chain.filter(exchange);
        }
        log.debug("Ignored an unreadable Accept-Language on {}", exchange.getRequest().getPath());
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.remove(HttpHeaders.ACCEPT_LANGUAGE))).build());
    }

    /** The client's first language, English when it names none, or null when its header cannot be read. */
    static Locale languageOf(HttpHeaders headers) {
        try {
            var languages = headers.getAcceptLanguageAsLocales();
            return languages.isEmpty() ? Locale.ENGLISH : languages.getFirst();
        }
        catch (IllegalArgumentException unreadable) {
            return null;
        }
    }
}
