package com.mobayilo.web;

import java.util.UUID;

import com.mobayilo.database.DatabaseUnavailable;
import com.mobayilo.shared.DomainException;
import com.mobayilo.shared.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The core's single edge for errors: domain refusals, framework errors (unknown path, wrong method, wrong
 * content type, malformed or oversized body) and anything unexpected all become problem details. It runs
 * before Spring Boot's default handler so that handler never renders a body.
 */
@Component
@Order(-2)
class CoreErrors implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CoreErrors.class);

    private final Problems problems;

    CoreErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        return switch (ex) {
            case DomainException refusal -> refused(exchange, refusal);
            case DataBufferLimitException tooLarge -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "problem.status.413");
            case ResponseStatusException status -> problems.write(exchange, status.getStatusCode(), keyFor(status.getStatusCode()));
            case InvalidMediaTypeException unreadableHeader -> clientMistake(exchange, unreadableHeader);
            case InvalidMimeTypeException unreadableHeader -> clientMistake(exchange, unreadableHeader);
            default -> DatabaseUnavailable.in(ex).map(outage -> unavailable(exchange, outage)).orElseGet(() -> unexpected(exchange, ex));
        };
    }

    /**
     * The database is down or frozen: a 503 with Retry-After, so Twilio and Stripe send the webhook again and API clients
     * retry; one WARN line, never a stack trace (docs/decisions/0035-behaviour-under-database-faults.md).
     */
    private Mono<Void> unavailable(ServerWebExchange exchange, DatabaseUnavailable outage) {
        log.warn("Answered 503 to {} {}: the database is unavailable ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                outage.reason());
        return refused(exchange, outage);
    }

    private Mono<Void> refused(ServerWebExchange exchange, DomainException refusal) {
        if (refusal instanceof RetryLater later) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfter().toSeconds()));
        }
        return problems.write(exchange, statusOf(refusal.kind()), refusal.messageKey(), refusal.arguments());
    }

    /** A header the client got wrong (an unreadable Content-Type or Accept): its mistake, worth a line, never a trace. */
    private Mono<Void> clientMistake(ServerWebExchange exchange, RuntimeException mistake) {
        log.warn("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), mistake.getMessage());
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "problem.status.400");
    }

    private Mono<Void> unexpected(ServerWebExchange exchange, Throwable ex) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} on {} {}", reference, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", reference);
    }

    private static String keyFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400, 404, 405, 406, 413, 415 -> "problem.status." + status.value();
            default -> status.is4xxClientError() ? "problem.status.400" : "problem.status.500";
        };
    }

    static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case PAYMENT_REQUIRED -> HttpStatus.PAYMENT_REQUIRED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
