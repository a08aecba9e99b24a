package com.mobayilo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.calls.SignedWebhooks;
import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.ChildApp;
import com.mobayilo.testing.ChildApp.Replica;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P2 across replicas: two replicas of the packaged jar (core only, each its own process) on one PostgreSQL. Signed
 * status callbacks are posted to replica A and timed to their {@code call.updated} at the caller's SSE subscriber on
 * replica B (NOTIFY, B's hub, B's stream), beside the same callbacks timed to a subscriber on A itself, alternating,
 * in the same run (docs/decisions/0033-replicas.md).
 */
class ReplicaLagBenchmark {

    private static final String AUTH_TOKEN = "replica-lag-benchmark-token";

    private static final int CALLS = 200;

    private static final int RUNS = 3;

    @Test
    void callbackOnOneReplicaToSubscriberOnAnother() throws Exception {
        var logs = Files.createDirectories(Path.of("target", "bench", "replica-lag"));
        var database = TestDatabase.fresh().arguments();
        var arguments = new ArrayList<>(List.of(database));
        arguments.add("--TWILIO_AUTH_TOKEN=" + AUTH_TOKEN);
        var replicas = ChildApp.startTogether(logs, List.of(Replica.coreOnly("bench-a"), Replica.coreOnly("bench-b")), arguments.toArray(String[]::new));
        try (var a = replicas.get(0); var b = replicas.get(1);
                var setup = TestApp.on(database, "--TWILIO_AUTH_TOKEN=" + AUTH_TOKEN, "--mobayilo.ui.enabled=false")) {
            CallLoad.allowManyCalls(setup);
            var phone = new Telephony(setup);
            var caller = phone.caller(1_000_000_000);
            var key = setup.bean(ApiKeys.class).create(caller.id(), "bench").block().secret();
            var lag = new CrossReplicaLag(new SignedWebhooks(AUTH_TOKEN), phone.identityOf(caller), key);
            lag.measure(a.coreUrl(), b.coreUrl(), 50);
            var across = new ArrayList<List<Double>>();
            var same = new ArrayList<List<Double>>();
            for (int run = 0; run < RUNS; run++) {
                same.add(lag.measure(a.coreUrl(), a.coreUrl(), CALLS));
                across.add(lag.measure(a.coreUrl(), b.coreUrl(), CALLS));
            }
            BenchmarkReport.write("replica-lag", """
                    ## P2 across replicas: status callback on replica A → `call.updated` at a subscriber on replica B

                    Command: `./mvnw -Pbench verify -Dit.test=ReplicaLagBenchmark`. Two replicas of the packaged jar (core only, each
                    in its own JVM) on one PostgreSQL; a third, in-process instance only sets the caller up. Per run %d calls, one at a
                    time: the voice webhook starts the call at A (not timed), then the dialled leg's `in-progress` and `completed`
                    callbacks are posted to A, each timed from before its POST to its `call.updated` arriving on the caller's stream of
                    `/api/v1/events`, at B across replicas (commit, placing, NOTIFY, B's hub) or at A itself. %d runs after a discarded
                    warm-up, alternating; milliseconds, median of the runs (min–max); %d samples per condition.

                    | condition | p50 | p99 | max | goal |
                    |---|---|---|---|---|
                    | callback on A → subscriber on B | %s | %s | %s | p99 ≤ 100 ms |
                    | same replica: callback on A → subscriber on A | %s | %s | %s | — |

                    Across / same replica p99: %.2f.
                    """.formatted(CALLS, RUNS, across.stream().mapToInt(List::size).sum(), spread(across, 50), spread(across, 99), spread(across, 100),
                    spread(same, 50), spread(same, 99), spread(same, 100), median(across, 99) / median(same, 99)));
            assertThat(across).allSatisfy(run -> assertThat(run).hasSize(2 * CALLS));
        }
    }

    private static String spread(List<List<Double>> runs, double percentile) {
        return BenchmarkReport.spread(runs.stream().map(run -> BenchmarkReport.percentile(run, percentile)).toList(), "%.1f");
    }

    private static double median(List<List<Double>> runs, double percentile) {
        return BenchmarkReport.median(runs.stream().map(run -> BenchmarkReport.percentile(run, percentile)).toList());
    }
}
