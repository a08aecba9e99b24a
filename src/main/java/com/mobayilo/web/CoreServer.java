package com.mobayilo.web;

import com.mobayilo.ServerPackages;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

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
}
