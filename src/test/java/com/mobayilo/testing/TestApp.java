package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

import com.mobayilo.Mobayilo;
import com.mobayilo.mail.Mailbox;
import com.mobayilo.mail.ReceivedMail;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * A whole Mobayilo (shared core, UI server and WebFlux server) on free ports and a fresh database. Most
 * tests share {@link #shared()}; tests that restart or compare instances start their own.
 */
public final class TestApp implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private static TestApp shared;

    private final Mobayilo app;

    private final String[] arguments;

    private TestApp(String[] arguments) {
        this.arguments = arguments;
        this.app = Mobayilo.start(arguments);
    }

    public static synchronized TestApp shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A new app on a fresh database; extra arguments are Spring properties such as {@code --key=value}. */
    public static TestApp start(String... extra) {
        return new TestApp(arguments(TestDatabase.fresh().arguments(), extra));
    }

    /** A new app on the database these properties name (see {@link #databaseArguments()}). */
    public static TestApp on(String[] databaseArguments, String... extra) {
        return new TestApp(arguments(databaseArguments, extra));
    }

    /** Another app on the same database as this one, with new ports: a second instance, or a restart. */
    public TestApp another(String... extra) {
        return new TestApp(arguments(databaseArguments(), extra));
    }

    /** A plain JDBC connection to this app's database, for a test that plays another client of it (holding a row lock, say). */
    public Connection jdbc() throws SQLException {
        var properties = new HashMap<String, String>();
        for (var argument : databaseArguments()) {
            var pair = argument.substring(2).split("=", 2);
            properties.put(pair[0], pair[1]);
        }
        return DriverManager.getConnection(properties.get("spring.flyway.url"), properties.get("spring.flyway.user"),
                properties.get("spring.flyway.password"));
    }

    /** The properties that point an app at this app's database, for another process to share it. */
    public String[] databaseArguments() {
        return Arrays.stream(arguments).filter(argument -> argument.startsWith("--spring.")).toArray(String[]::new);
    }

    private static String[] arguments(String[] database, String[] extra) {
        var uiPort = freePort();
        var all = new ArrayList<>(List.of(database));
        all.add("--MOBAYILO_UI_PORT=" + uiPort);
        all.add("--MOBAYILO_CORE_PORT=" + freePort());
        all.add("--mobayilo.jobs.poll-interval=100ms");
        all.add("--logging.level.root=warn");
        all.add("--logging.level.com.mobayilo=info");
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    public String uiUrl() {
        return "http://localhost:" + app.uiPort();
    }

    public String coreUrl() {
        return "http://localhost:" + app.corePort();
    }

    /** Where actuator answers: the core's URL unless the app was started with a management port. */
    public String managementUrl() {
        return "http://localhost:" + app.managementPort();
    }

    /** The UI server itself, for benchmarks that look inside its HTTP sessions. */
    public WebServer uiServer() {
        return ((WebServerApplicationContext) app.ui().orElseThrow()).getWebServer();
    }

    public <T> T bean(Class<T> type) {
        return app.shared().getBean(type);
    }

    /** Waits for a mail to {@code to} whose subject contains {@code subject}, and returns the link in it. */
    public String linkMailedTo(String to, String subject) {
        var mail = await().atMost(Duration.ofSeconds(15)).until(() -> latestMail(to, subject), found -> found != null);
        var matcher = LINK.matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("No link in the mail " + mail.subject());
        }
        return matcher.group();
    }

    public ReceivedMail latestMail(String to, String subject) {
        return bean(Mailbox.class).messages().stream()
                .filter(mail -> mail.to().equalsIgnoreCase(to) && mail.subject().contains(subject))
                .findFirst().orElse(null);
    }

    /** Holds still reserving credit: zero once every call has been settled or released. */
    public long activeHolds() {
        return bean(org.springframework.r2dbc.core.DatabaseClient.class).sql("select count(*) as active from holds where status = 'ACTIVE'")
                .map(row -> row.get("active", Long.class)).one().block();
    }

    public long mailsTo(String to) {
        return bean(Mailbox.class).messages().stream().filter(mail -> mail.to().equalsIgnoreCase(to)).count();
    }

    /** A port nothing listens on right now, for servers and databases the tests start themselves. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
