package com.mobayilo.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Flyway's JDBC connection: {@code SPRING_FLYWAY_URL}, which must reach PostgreSQL directly (Flyway holds a session
 * advisory lock while it migrates), with the connect timeout, keepalive and {@code <replica>/migrate} as its name.
 * Migrations get no statement timeout: a long index build must not fail a start half-way
 * (docs/decisions/0034-database-connections.md). A parameter already in the URL wins.
 */
record MigrationConnection(String getJdbcUrl, String getUsername, String getPassword) implements FlywayConnectionDetails {

    static MigrationConnection of(DatabaseSettings settings, Environment environment, String replica) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("ApplicationName", ConnectionRole.MIGRATE.applicationName(replica));
        parameters.put("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        parameters.put("tcpKeepAlive", settings.keepalive().toString());
        parameters.put("options", "-c statement_timeout=0");
        return new MigrationConnection(withParameters(environment.getProperty("spring.flyway.url", ""), parameters),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
    }

    static String withParameters(String url, Map<String, String> parameters) {
        var written = new StringBuilder(url);
        var query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
        var separator = url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?";
        for (var parameter : parameters.entrySet()) {
            var key = parameter.getKey().toLowerCase(Locale.ROOT) + "=";
            if (query.startsWith(key) || query.contains("&" + key)) {
                continue;
            }
            written.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = "&";
        }
        return written.toString();
    }

    @Override
    public String toString() {
        return "MigrationConnection[" + getJdbcUrl.replaceAll("(?i)password=[^&]*", "password=…") + "]";
    }
}
