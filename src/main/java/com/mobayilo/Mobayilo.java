package com.mobayilo;

import java.util.Optional;

import com.mobayilo.database.EmbeddedDatabase;
import com.mobayilo.ui.UiServer;
import com.mobayilo.web.CoreServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A running Mobayilo: the shared core context and the servers started under it.
 *
 * <p>Each server is a sibling child context (docs/decisions/0001-one-jvm-two-servers.md). Ports are given as
 * builder properties, never in {@code application.properties}, which every context reads and which would
 * therefore give both servers the same port. Either server can be switched off, so the same jar runs as a
 * UI-only or a core-only deployment.
 */
public record Mobayilo(ConfigurableApplicationContext shared, Optional<ConfigurableApplicationContext> ui,
        Optional<ConfigurableApplicationContext> core) implements AutoCloseable {

    static final String UI_PORT = "server.port=${MOBAYILO_UI_PORT:8080}";

    static final String CORE_PORT = "server.port=${MOBAYILO_CORE_PORT:8081}";

    /**
     * When set, actuator moves from the core port to a management port of its own, which an ingress does not route
     * (docs/decisions/0037-kubernetes-layout.md). Unset, it stays on the core port.
     */
    static final String MANAGEMENT_PORT = "MOBAYILO_MANAGEMENT_PORT";

    public static Mobayilo start(String... args) {
        var sharedBuilder = new SpringApplicationBuilder(MobayiloApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new EmbeddedDatabase());
        var shared = sharedBuilder.run(args);
        Optional<ConfigurableApplicationContext> ui = Optional.empty();
        try {
            if (enabled(shared.getEnvironment(), "ui")) {
                ui = Optional.of(sharedBuilder.child(UiServer.class).web(WebApplicationType.SERVLET).properties(UI_PORT).run(args));
            }
            var core = enabled(shared.getEnvironment(), "core")
                    ? Optional.of(sharedBuilder.child(CoreServer.class).web(WebApplicationType.REACTIVE)
                            .properties(coreProperties(shared.getEnvironment())).run(args))
                    : Optional.<ConfigurableApplicationContext>empty();
            return new Mobayilo(shared, ui, core);
        }
        catch (RuntimeException failed) {
            // A server that cannot start takes the whole process down, rather than leaving half an app running.
            ui.ifPresent(ConfigurableApplicationContext::close);
            shared.close();
            throw failed;
        }
    }

    private static String[] coreProperties(Environment environment) {
        var management = environment.getProperty(MANAGEMENT_PORT, "");
        return management.isBlank() ? new String[] { CORE_PORT } : new String[] { CORE_PORT, "management.server.port=" + management };
    }

    private static boolean enabled(Environment environment, String server) {
        return environment.getProperty("mobayilo." + server + ".enabled", Boolean.class, true);
    }

    public int uiPort() {
        return port(ui.orElseThrow());
    }

    public int corePort() {
        return port(core.orElseThrow());
    }

    /** The port actuator answers on: the management port when one is set, else the core port. */
    public int managementPort() {
        return core.orElseThrow().getEnvironment().getProperty("local.management.port", Integer.class, corePort());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        core.ifPresent(ConfigurableApplicationContext::close);
        ui.ifPresent(ConfigurableApplicationContext::close);
        shared.close();
    }
}
