package com.mobayilo.database;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;

/**
 * The name this replica gives itself towards PostgreSQL: {@code HOSTNAME} (in Kubernetes, the pod's name), else the
 * machine's host name, else "mobayilo".
 */
final class ReplicaName {

    private ReplicaName() {
    }

    static String of(Environment environment) {
        var given = environment.getProperty("HOSTNAME", "").strip();
        if (!given.isEmpty()) {
            return given;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "mobayilo";
        }
    }
}
