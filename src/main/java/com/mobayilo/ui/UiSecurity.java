package com.mobayilo.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The UI's servlet security chain. Vaadin's configurer protects views by their access annotations; sign-in
 * is a form post handled by Spring Security, with the session id changed on sign-in against fixation.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class UiSecurity {

    @Bean
    SecurityFilterChain uiSecurityChain(HttpSecurity http, AuthenticationFailureHandler signInFailures) {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.formLogin(form -> form.failureHandler(signInFailures));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }
}
