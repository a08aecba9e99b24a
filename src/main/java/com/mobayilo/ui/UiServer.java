package com.mobayilo.ui;

import com.mobayilo.ServerPackages;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The UI server: Vaadin Flow on a servlet container, a child of the shared context and a sibling of the
 * WebFlux core (docs/decisions/0001-one-jvm-two-servers.md). Actuator lives on the core only.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
// Vaadin finds routes in the auto-configuration packages: all of Mobayilo, since views live in each feature.
@AutoConfigurationPackage(basePackages = ServerPackages.ROOT)
@ComponentScan(basePackages = ServerPackages.ROOT,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ServerPackages.NOT_UI))
public class UiServer {
}
