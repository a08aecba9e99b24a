package com.mobayilo.web;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A provider's webhook gets its answer within a bound, whatever the database does. A frozen primary answers nothing,
 * not even an error, so without a bound Twilio and Stripe would wait for their own timeouts; past the bound the work
 * is cancelled (its transaction rolls back) and {@link CoreErrors} answers 503, so the provider sends it again
 * (docs/decisions/0035-behaviour-under-database-faults.md). Webhooks are idempotent, so a retry is safe.
 */
@Component
class WebhookDeadline implements WebFilter, Ordered {

    private final Duration deadline;

    WebhookDeadline(@Value("${mobayilo.webhooks.deadline:PT5S}") Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("mobayilo.webhooks.deadline must be positive");
        }
        this.deadline = deadline;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getRequest().getPath().value().startsWith("/webhooks/") ? chain.filter(exchange).timeout(deadline) : chain.filter(exchange);
    }

    /** Around the security chain too: nothing a webhook waits on escapes the bound. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
