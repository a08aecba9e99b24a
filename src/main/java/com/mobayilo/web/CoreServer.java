package com.mobayilo.web;

import com.mobayilo.ServerPackages;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The core server: WebFlux on Reactor Netty, for webhooks, the API, server-sent events and actuator. It is
 * a child of the shared context and a sibling of the Vaadin UI (docs/decisions/0001-one-jvm-two-servers.md).
 * Vaadin's auto-configuration is servlet-only and is kept out of this context.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig",
        "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration" })
@ComponentScan(basePackages = ServerPackages.ROOT,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ServerPackages.NOT_WEB))
public class CoreServer {

    /**
     * The server gets event loops of its own rather than Reactor Netty's global ones, which closing this context
     * would otherwise dispose of: they are shared with the UI's WebClient and, in tests, with other instances.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        var factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
