package com.mobayilo.web;

import java.net.URI;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details in the client's language (its {@code Accept-Language}). Every error on the
 * core ends here, so no stack trace or framework message ever reaches an API client.
 */
@Component
public class Problems {

    private final MessageSource messages;

    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String messageKey, Object... arguments) {
        var locale = localeOf(exchange);
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(messageKey, arguments, messageKey, locale));
        problem.setTitle(messages.getMessage(titleKey(status), null, problem.getTitle(), locale));
        problem.setType(URI.create("https://mobayilo.com/problems/" + messageKey.replace('.', '-')));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String messageKey, Object... arguments) {
        return write(exchange, problem(exchange, status, messageKey, arguments));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private static String titleKey(HttpStatusCode status) {
        return "problem.title." + status.value();
    }

    /** English when the header names no language or cannot be read: an error answer must never fail itself. */
    private static Locale localeOf(ServerWebExchange exchange) {
        var language = ClientLanguage.languageOf(exchange.getRequest().getHeaders());
        return language == null ? Locale.ENGLISH : language;
    }
}
