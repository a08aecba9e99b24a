package com.mobayilo.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
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
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * The core's own security chain. It is stateless: API clients send a bearer key with every request (the
 * converter and manager come from the accounts module), and webhooks are authenticated by their providers'
 * signatures in their handlers. Everything not opened here is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class CoreSecurity {

    /** Authenticated in their handlers: by the provider's signature, or by a voice access token. */
    static final String[] SIGNED_PATHS = { "/webhooks/**", "/sandbox/carrier/**" };

    @Bean
    SecurityWebFilterChain coreSecurityChain(ServerHttpSecurity http, Problems problems, ServerAuthenticationConverter bearerKeys,
            ReactiveAuthenticationManager keyCheck, @Value("${mobayilo.ui-url}") String uiUrl) {
        var bearer = new AuthenticationWebFilter(keyCheck);
        bearer.setServerAuthenticationConverter(bearerKeys);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        // Webhooks carry provider signatures and the sandbox carrier a Twilio access token, never an API key.
        bearer.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(SIGNED_PATHS)));
        bearer.setAuthenticationFailureHandler((exchange, ex) -> problems.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "problem.apikey.invalid"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> cors.configurationSource(browserCalls(uiUrl)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Beside Spring Security's defaults (nosniff, X-Frame-Options DENY, no-store, HSTS on HTTPS only): the
                // core serves JSON, problem details and event streams, never a page, so nothing may load or frame it
                // (docs/decisions/0018-security-headers.md).
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
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
                        .pathMatchers(SIGNED_PATHS).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .build();
    }

    /** Only the sandbox carrier is called from the UI's pages (the simulated device); nothing else is cross-origin. */
    private static UrlBasedCorsConfigurationSource browserCalls(String uiUrl) {
        var carrier = new CorsConfiguration();
        carrier.addAllowedOrigin(uiUrl.replaceAll("/+$", ""));
        carrier.addAllowedMethod(HttpMethod.POST);
        carrier.addAllowedMethod(HttpMethod.DELETE);
        carrier.addAllowedHeader(HttpHeaders.AUTHORIZATION);
        carrier.addAllowedHeader(HttpHeaders.CONTENT_TYPE);
        carrier.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/sandbox/carrier/**", carrier);
        return source;
    }
}
