package com.mobayilo.database;

/**
 * What a connection is for. With the replica's name it makes the connection's {@code application_name}, so that
 * {@code pg_stat_activity} says which replica holds a connection and why (docs/decisions/0034-database-connections.md).
 */
public enum ConnectionRole {

    /** The R2DBC pool that serves every query. */
    POOL("pool"),

    /** The one connection per replica that LISTENs for other replicas' events. */
    LISTEN("listen"),

    /** Flyway's connection while it migrates at start. */
    MIGRATE("migrate");

    /** PostgreSQL keeps the first 63 bytes of an application name (NAMEDATALEN - 1). */
    private static final int LONGEST = 63;

    private final String suffix;

    ConnectionRole(String suffix) {
        this.suffix = suffix;
    }

    /** {@code <replica>/<role>}, the replica's name shortened so that the role always survives PostgreSQL's cut. */
    public String applicationName(String replica) {
        var tail = "/" + suffix;
        var ascii = replica.replaceAll("[^\\x20-\\x7e]", "?");
        return (ascii.length() + tail.length() > LONGEST ? ascii.substring(0, LONGEST - tail.length()) : ascii) + tail;
    }
}
