package com.mobayilo;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.modulith.Modulithic;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mobayilo: prepaid international calling from the browser.
 *
 * <p>This is the shared core context: data access, domain services, the job queue and mail. Two server
 * contexts run as its children in the same JVM, the Vaadin UI on a servlet container and the WebFlux core
 * on Reactor Netty ({@link Mobayilo}, docs/decisions/0001-one-jvm-two-servers.md). Classes in {@code ui}
 * and {@code web} packages belong to those children and are left out of this context's scan.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        LifecycleAutoConfiguration.class,
        MessageSourceAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        TaskExecutionAutoConfiguration.class,
        TaskSchedulingAutoConfiguration.class,
        R2dbcAutoConfiguration.class,
        R2dbcTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        DataR2dbcAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        MailSenderAutoConfiguration.class,
        MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class,
        PrometheusMetricsExportAutoConfiguration.class,
        JvmMetricsAutoConfiguration.class,
        SystemMetricsAutoConfiguration.class,
        ConnectionPoolMetricsAutoConfiguration.class })
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ServerPackages.ANY_SERVER))
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Mobayilo", sharedModules = "shared")
public class MobayiloApplication {

    public static void main(String[] args) {
        var mobayilo = Mobayilo.start(args);
        if (mobayilo.shared().getEnvironment().getProperty("mobayilo.training-run", Boolean.class, false)) {
            // Started once to teach the JVM what a start loads; exiting writes its AOT cache
            // (-XX:AOTCacheOutput), which halves later starts (docs/decisions/0020-aot-cache.md).
            mobayilo.close();
            System.exit(0);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Both servers' security chains, unobserved. Spring Security otherwise wraps each of its filters in an
     * observation on every request: a tenth of the voice webhook's CPU, and per open event stream nine wrapped filters
     * with their key values held for the stream's life (docs/benchmarks.md, P1 and P3). Requests are still timed as
     * {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
