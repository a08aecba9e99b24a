package com.mobayilo.ui;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The UI's servlet security chain. Vaadin's configurer protects views by their access annotations; sign-in
 * is a form post handled by Spring Security that must carry the page's CSRF token, with the session id changed on
 * sign-in against fixation.
 * Response headers: docs/decisions/0018-security-headers.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class UiSecurity {

    @Bean
    SecurityFilterChain uiSecurityChain(HttpSecurity http, AuthenticationFailureHandler signInFailures, RequestUtil vaadinRequests,
            RememberMeServices rememberedSignIn, @Value("${mobayilo.public-url}") String publicUrl) {
        // Vaadin's own CSRF set-up exempts the sign-in post (login CSRF, issue 16); ours exempts only Vaadin's own channel.
        // Country flags are public static files, shown on public pages too (the sign-up's country field);
        // Vaadin permits only the static paths it knows (docs/decisions/0027-phone-first-layout-pwa-and-flags.md).
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/flags/*.svg")).permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinChannel(vaadinRequests)));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                new LinkedHashMap<>(Map.of(SIGN_IN_POST, ExpiredSignInPage.HANDLER)), new AccessDeniedHandlerImpl())));
        http.formLogin(form -> form.failureHandler(signInFailures));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        // A sign-in outlives the replica holding the session (docs/decisions/0038-sign-ins-that-survive-a-replica.md).
        http.rememberMe(remember -> remember.rememberMeServices(rememberedSignIn).key(RememberMeKey.VALUE));
        // Spring Security's defaults stay: nosniff, X-Frame-Options DENY, no-store, and HSTS on HTTPS requests only
        // (a trusted proxy's X-Forwarded-Proto: https counts, see ProxiedRequests).
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(publicUrl)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .withObjectPostProcessor(WRITE_HEADERS_FIRST));
        return http.build();
    }

    private static final RequestMatcher SIGN_IN_POST = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private static final RequestMatcher SPRING_SECURITY_ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/login"), PathPatternRequestMatcher.withDefaults().matcher("/logout"));

    /**
     * Vaadin's client-server channel (UIDL, heartbeat, push, uploads) carries Vaadin's own CSRF token, so Spring's is not
     * asked of it. A request only dressed as one ({@code POST /login?v-r=uidl}) is still a sign-in or sign-out post, and
     * those need Spring's token like every other form post (docs/decisions/0022-ending-sessions-and-streams.md).
     */
    static RequestMatcher vaadinChannel(RequestUtil vaadinRequests) {
        return new AndRequestMatcher(vaadinRequests::isFrameworkInternalRequest, new NegatedRequestMatcher(SPRING_SECURITY_ENDPOINTS));
    }

    /**
     * Vaadin serves its pages (the sign-in page, every view) through a servlet forward to its own servlet, and that
     * response is committed without passing through Spring Security's commit hook: headers written lazily never
     * arrive. Written before the request is handled, they do; a cacheable response replaces the no-store
     * defaults with its own Cache-Control.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> WRITE_HEADERS_FIRST = new ObjectPostProcessor<>() {

        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    /**
     * As strict as Vaadin Flow allows: its client runs server-sent JavaScript through {@code new Function}
     * ('unsafe-eval'), its bootstrap page has inline scripts, and its components set inline styles. The browser
     * calls the core only for the sandbox carrier, and Twilio's Voice SDK talks to Twilio over HTTPS and secure
     * WebSockets and plays its ringing sounds from sdk.twilio.com.
     */
    static String contentSecurityPolicy(String publicUrl) {
        var core = URI.create(publicUrl);
        var coreOrigin = core.getScheme() + "://" + core.getAuthority();
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + coreOrigin + " https://*.twilio.com wss://*.twilio.com",
                "media-src 'self' https://sdk.twilio.com",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }
}
