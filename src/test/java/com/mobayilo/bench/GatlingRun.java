package com.mobayilo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Gatling simulation (src/bench/java, compiled by the bench profile) in a JVM of its own, so the load
 * generator's threads, heap and collections are not the measured server's. Gatling's HTTP warm-up (a request to
 * gatling.io) and its usage analytics are turned off: the load goes to the loopback only.
 */
final class GatlingRun {

    private GatlingRun() {
    }

    static void run(String simulation, Path folder, Map<String, String> properties, Duration timeout) throws Exception {
        Files.createDirectories(folder);
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xms512m", "-Xmx1g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-Dgatling.http.warmUpUrl=", "-Dgatling.netty.useNativeTransport=false", "-Dgatling.data.enableAnalytics=false", "-Dgatling.data.console.light=true"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("io.gatling.app.Gatling", "-s", simulation, "-rf", folder.toAbsolutePath().toString(), "-nr", "-l", "maven"));
        var log = folder.resolve("gatling.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        var process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Gatling did not finish within " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("Gatling exited with " + process.exitValue() + "; see " + log);
        }
    }
}
