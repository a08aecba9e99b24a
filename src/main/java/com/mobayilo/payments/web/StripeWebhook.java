package com.mobayilo.payments.web;

import java.time.Clock;
import java.util.List;

import com.mobayilo.payments.Payments;
import com.mobayilo.payments.stripe.StripeAccount;
import com.mobayilo.payments.stripe.StripeEvents;
import com.mobayilo.payments.stripe.StripeSignatures;
import com.mobayilo.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * {@code POST /webhooks/stripe}: Stripe posts JSON only (anything else is 415, over 256 KB 413), then the signature
 * over the exact bytes (400 when missing, wrong or older than 300 s), then the event, applied once per event id.
 * Unknown event types are acknowledged and ignored; an event about a payment not known yet is answered with a
 * retryable error, so Stripe delivers it again later.
 */
@Configuration(proxyBeanMethods = false)
class StripeWebhook {

    static final String SIGNATURE = "Stripe-Signature";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);

    @Bean
    RouterFunction<ServerResponse> stripeWebhookRoute(Payments payments, StripeAccount account, Problems problems, Clock clock) {
        var signatures = new StripeSignatures(account.webhookSecrets(), clock);
        return RouterFunctions.route()
                .POST("/webhooks/stripe", request -> receive(request, payments, signatures, problems))
                .build();
    }

    private static Mono<ServerResponse> receive(ServerRequest request, Payments payments, StripeSignatures signatures, Problems problems) {
        var type = request.headers().contentType().orElse(null);
        if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON)));
        }
        var header = request.headers().firstHeader(SIGNATURE);
        return request.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(payload -> signatures.isValid(payload, header)
                        ? payments.apply(StripeEvents.parse(payload)).flatMap(applied -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(applied ? "{\"received\":true}" : "{\"received\":true,\"duplicate\":true}"))
                        : refused(request, problems));
    }

    private static Mono<ServerResponse> refused(ServerRequest request, Problems problems) {
        log.warn("Refused a Stripe webhook with a missing, wrong or stale signature");
        return ServerResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problems.problem(request.exchange(), HttpStatus.BAD_REQUEST, "topup.event.signature"));
    }
}
