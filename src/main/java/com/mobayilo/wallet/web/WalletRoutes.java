package com.mobayilo.wallet.web;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.WalletOwners;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /api/v1/wallet}: the caller's balance, what is held for calls under way and what is available, in cents. */
@Configuration(proxyBeanMethods = false)
class WalletRoutes {

    @Bean
    RouterFunction<ServerResponse> walletApi(WalletOwners owners) {
        return RouterFunctions.route().GET("/api/v1/wallet", request -> wallet(request, owners)).build();
    }

    private static Mono<ServerResponse> wallet(ServerRequest request, WalletOwners owners) {
        return request.principal()
                .map(principal -> (AccountPrincipal) ((Authentication) principal).getPrincipal())
                .flatMap(account -> account.role() == com.mobayilo.accounts.Role.SEAT ? Mono.error(new com.mobayilo.wallet.SeatWalletHidden())
                        : owners.walletOf(account))
                .map(wallet -> new WalletResponse(wallet.balance().cents(), wallet.held().cents(), wallet.available().cents(), Money.CURRENCY.getCurrencyCode()))
                .flatMap(body -> ServerResponse.ok().bodyValue(body));
    }

    record WalletResponse(long balanceCents, long heldCents, long availableCents, String currency) {
    }
}
