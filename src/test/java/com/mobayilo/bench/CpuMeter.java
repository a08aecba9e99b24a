package com.mobayilo.bench;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time spent by this JVM (the app under test) and by PostgreSQL's processes between {@link #start} and
 * {@link #stop}. Per request it is a steadier measure than latency on a shared machine: it says how much work
 * a request costs, not how long it waited for a core.
 */
final class CpuMeter {

    private final Duration jvm;

    private final Map<Long, Duration> postgres;

    private CpuMeter(Duration jvm, Map<Long, Duration> postgres) {
        this.jvm = jvm;
        this.postgres = postgres;
    }

    static CpuMeter start() {
        return new CpuMeter(cpuOf(ProcessHandle.current()), postgresProcesses());
    }

    /** What was spent since {@link #start}, in milliseconds per request. A backend started meanwhile counts whole. */
    Spent stop(long requests) {
        var app = cpuOf(ProcessHandle.current()).minus(jvm);
        var database = postgresProcesses().entrySet().stream()
                .map(process -> process.getValue().minus(postgres.getOrDefault(process.getKey(), Duration.ZERO)))
                .reduce(Duration.ZERO, Duration::plus);
        return new Spent(app.toNanos() / 1e6 / requests, database.toNanos() / 1e6 / requests);
    }

    private static Map<Long, Duration> postgresProcesses() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().filter(command -> command.endsWith("/postgres")).isPresent())
                .collect(Collectors.toMap(ProcessHandle::pid, CpuMeter::cpuOf));
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Milliseconds of CPU per request: the app's JVM and PostgreSQL's processes. */
    record Spent(double appMillis, double databaseMillis) {
    }
}
