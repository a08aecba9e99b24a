package com.mobayilo.ui;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tomcat gzips the UI's text answers: Vaadin's JSON (the first page's state is some 40 KB), the Lumo and app
 * style sheets served from jars, and the few scripts that have no precompressed {@code .br} beside them. The
 * settings are {@code mobayilo.ui.compression.*}, bound like Spring Boot's {@code server.compression.*}, which would
 * also reach the core's Netty server, whose TwiML answers and event streams must stay as they are
 * (docs/decisions/0029-page-weight-budget.md).
 */
@Component
class UiCompression implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Compression compression;

    UiCompression(Environment environment) {
        this.compression = Binder.get(environment).bind("mobayilo.ui.compression", Compression.class).orElseGet(Compression::new);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setCompression(compression);
    }

    /** After Spring Boot's own customizer, which sets the factory's compression from {@code server.compression}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
