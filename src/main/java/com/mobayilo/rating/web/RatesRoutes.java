package com.mobayilo.rating.web;

import java.security.Principal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Users;
import com.mobayilo.rating.InvalidNumber;
import com.mobayilo.rating.Quote;
import com.mobayilo.rating.Quotes;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.wallet.WalletOwners;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/rates?number=…}: the number as understood, its rate, and with a key, the minutes the
 * caller can call now (their available credit cut by every cap, as {@link com.mobayilo.rating.CallerReach} counts
 * them). Numbers without a country code are read in the caller's home country, or in {@code country=XX} for
 * anonymous callers. An invalid number is a 400 problem detail that says why.
 */
@Configuration(proxyBeanMethods = false)
class RatesRoutes {

    @Bean
    RouterFunction<ServerResponse> ratesApi(Quotes quotes, Users users, WalletOwners owners, MessageSource messages) {
        return RouterFunctions.route().GET("/api/v1/rates", request -> rate(request, quotes, users, owners, messages)).build();
    }

    private static Mono<ServerResponse> rate(ServerRequest request, Quotes quotes, Users users, WalletOwners owners, MessageSource messages) {
        var raw = request.queryParam("number").orElse("");
        return request.principal()
                .map(RatesRoutes::account)
                .flatMap(account -> users.findById(account.id())
                        .zipWith(owners.walletOf(account))
                        .flatMap(both -> quotes.quoteFor(raw, both.getT1(), both.getT2().available())))
                .switchIfEmpty(Mono.fromSupplier(() -> quotes.quote(raw, country(request).orElse(null))).subscribeOn(Schedulers.parallel()))
                .map(quote -> RateResponse.of(quote, messages, request))
                .flatMap(body -> ServerResponse.ok().bodyValue(body));
    }

    private static AccountPrincipal account(Principal principal) {
        return (AccountPrincipal) ((Authentication) principal).getPrincipal();
    }

    private static Optional<CountryCode> country(ServerRequest request) {
        var code = request.queryParam("country").orElse(null);
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        if (!CountryCode.isKnown(code)) {
            throw new InvalidNumber(InvalidNumber.Problem.UNKNOWN_COUNTRY_CODE);
        }
        return Optional.of(CountryCode.of(code));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RateResponse(String e164, String international, String country, String type, String description, long ratePerMinuteCents,
            boolean callable, String blockedReason, String blockedDetail, Long maxMinutes) {

        static RateResponse of(Quote quote, MessageSource messages, ServerRequest request) {
            var locale = request.headers().acceptLanguage().isEmpty() ? java.util.Locale.ENGLISH
                    : java.util.Locale.forLanguageTag(request.headers().acceptLanguage().getFirst().getRange());
            var number = quote.number();
            return new RateResponse(number.e164(), number.international(), number.country() == null ? null : number.country().value(),
                    number.type().name(), quote.rate().description(), quote.rate().perMinute().cents(), quote.blocked().isEmpty(),
                    quote.blocked().map(blocked -> blocked.reason().name()).orElse(null),
                    quote.blocked().map(blocked -> messages.getMessage(blocked.messageKey(), blocked.arguments(), locale)).orElse(null),
                    quote.minutes().orElse(null));
        }
    }
}
