package com.mobayilo.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The core's own security chain. It is stateless: API clients send a bearer key with every request (the
 * converter and manager come from the accounts module), and webhooks are authenticated by their providers'
 * signatures in their handlers. Everything not opened here is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class CoreSecurity {

    @Bean
    SecurityWebFilterChain coreSecurityChain(ServerHttpSecurity http, Problems problems, ServerAuthenticationConverter bearerKeys,
            ReactiveAuthenticationManager keyCheck) {
        var bearer = new AuthenticationWebFilter(keyCheck);
        bearer.setServerAuthenticationConverter(bearerKeys);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((exchange, ex) -> problems.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "problem.apikey.invalid"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
                        .accessDeniedHandler((exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "problem.forbidden")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/ledger").hasRole("OPERATOR")
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/rates").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .build();
    }
}
