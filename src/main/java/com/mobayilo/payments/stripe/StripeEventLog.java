package com.mobayilo.payments.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.EventListParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's own record of its events ({@code GET /v1/events}), of the handled types, as the raw JSON Stripe sends
 * so they are read by the same {@link StripeEvents} as a webhook. Stripe lists newest first, a page at a time.
 */
final class StripeEventLog {

    private static final long PAGE_SIZE = 100;

    private final StripeClient stripe;

    StripeEventLog(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** The events created since {@code since}, oldest first, so a payment comes before its refunds and disputes. */
    Flux<JsonNode> since(Instant since) {
        return page(since, null)
                .expand(page -> page.hasMore() ? page(since, page.lastId()) : Mono.empty())
                .concatMapIterable(Page::events)
                .collectList()
                .flatMapIterable(StripeEventLog::oldestFirst);
    }

    private Mono<Page> page(Instant since, String startingAfter) {
        var params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .addAllType(StripeEvents.HANDLED_TYPES)
                .setLimit(PAGE_SIZE)
                .setStartingAfter(startingAfter)
                .build();
        return Mono.fromCallable(() -> list(params)).subscribeOn(Schedulers.boundedElastic());
    }

    private Page list(EventListParams params) throws StripeException {
        var body = StripeEvents.JSON.readTree(stripe.v1().events().list(params).getLastResponse().body());
        var events = new ArrayList<JsonNode>();
        body.path("data").forEach(events::add);
        return new Page(List.copyOf(events), body.path("has_more").asBoolean(false));
    }

    private static List<JsonNode> oldestFirst(List<JsonNode> newestFirst) {
        return newestFirst.reversed();
    }

    private record Page(List<JsonNode> events, boolean hasMore) {

        String lastId() {
            return events.getLast().path("id").asString();
        }

        @Override
        public boolean hasMore() {
            return hasMore && !events.isEmpty();
        }
    }
}
