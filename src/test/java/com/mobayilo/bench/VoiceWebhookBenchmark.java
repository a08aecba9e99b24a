package com.mobayilo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.mobayilo.calls.Telephony;
import com.mobayilo.testing.TestApp;
import com.mobayilo.wallet.LedgerCheck;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P1: the signed voice webhook doing everything (signature, caller, number, guard, rate, credit, hold + call
 * record + event in one transaction, TwiML) at a constant 500 requests per second, an open model driven by
 * Gatling from its own JVM over the loopback. Every request is a distinct call of one of 1,000 verified callers
 * to a rated number, and must be answered 200 with a {@code Dial}. Baselines in the same run, under the same
 * load: a bare Reactor Netty handler answering fixed TwiML (the ceiling) and a handler in the style of Twilio's
 * Java quickstart (form in, SDK-built {@code Dial} out). Each run warms up every target before measuring it,
 * Mobayilo last; then its calls are ended (settled) and Mobayilo is measured again at a lower rate, which shows
 * what it sustains on this machine.
 */
class VoiceWebhookBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);

    private static final int CALLERS = 1000;

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 30);

    private static final int MEASURED = Integer.getInteger("bench.measured", 30);

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private static final int PROBE_RATE = Integer.getInteger("bench.probe.rate", 100);

    @Test
    void voiceWebhookAtFiveHundredPerSecond() throws Exception {
        DisposableServer bare = TwimlBaselines.bare();
        DisposableServer quickstart = TwimlBaselines.quickstart();
        try (var app = TestApp.start()) {
            var mobayilo = app.coreUrl().replace("localhost", "127.0.0.1") + Telephony.VOICE_PATH;
            var targets = new LinkedHashMap<String, String>();
            targets.put("bare", TwimlBaselines.url(bare));
            targets.put("quickstart", TwimlBaselines.url(quickstart));
            targets.put("mobayilo", mobayilo);
            var load = CallLoad.prepare(app, CALLERS);
            var runs = new ArrayList<Map<String, WebhookAnswers>>();
            var cpu = new ArrayList<CpuMeter.Spent>();
            for (int run = 1; run <= RUNS; run++) {
                var answers = new HashMap<>(gatling(load, "run-" + run, RATE, targets));
                System.out.printf("Run %d ended %d calls%n", run, load.endLiveCalls());
                var meter = CpuMeter.start();
                answers.putAll(gatling(load, "probe-" + run, PROBE_RATE, Map.of("probe", mobayilo)));
                cpu.add(meter.stop((long) PROBE_RATE * (WARM_UP + MEASURED)));
                System.out.printf(Locale.ROOT, "Probe %d: CPU per call %.2f ms app, %.2f ms PostgreSQL; ended %d calls%n", run,
                        cpu.getLast().appMillis(), cpu.getLast().databaseMillis(), load.endLiveCalls());
                runs.add(answers);
            }
            var ledger = app.bean(LedgerCheck.class).run().block();
            assertThat(ledger.isConsistent()).as(ledger.toString()).isTrue();
            if (RATE == 500 && RUNS >= 3 && MEASURED >= 30) {
                BenchmarkReport.write("voice-webhook", report(runs, cpu, load.destinations()));
            }
            runs.forEach(answers -> answers.forEach((target, result) -> {
                assertThat(result.failed()).as("answers of %s that were not 200", target).isZero();
                assertThat(result.refused()).as("calls %s refused", target).isZero();
            }));
        }
        finally {
            bare.disposeNow();
            quickstart.disposeNow();
        }
    }

    /** One Gatling run: each target in turn, warmed up then measured at {@code rate} requests per second. */
    private static Map<String, WebhookAnswers> gatling(CallLoad load, String name, int rate, Map<String, String> targets) throws Exception {
        var folder = Path.of("target", "gatling", "voice-" + name).toAbsolutePath();
        var requests = folder.resolve("requests.tsv");
        var results = folder.resolve("answers.csv");
        Files.createDirectories(folder);
        load.writeRequests(requests, (int) (rate * (WARM_UP + MEASURED) * 1.1));
        var order = targets.entrySet().stream().map(target -> target.getKey() + "=" + target.getValue()).toList();
        GatlingRun.run("com.mobayilo.bench.VoiceWebhookSimulation", folder, Map.of("bench.targets", String.join(",", order),
                "bench.requests", requests.toString(), "bench.results", results.toString(), "bench.rate", Integer.toString(rate),
                "bench.warmup", Integer.toString(WARM_UP), "bench.measured", Integer.toString(MEASURED)),
                Duration.ofSeconds(targets.size() * (WARM_UP + MEASURED + 60L) + 60));
        var answers = WebhookAnswers.read(results);
        answers.forEach((target, result) -> System.out.printf(Locale.ROOT, "%s, %s: %s%n", name, target, result));
        return answers;
    }

    private static String report(List<Map<String, WebhookAnswers>> runs, List<CpuMeter.Spent> cpu, int destinations) {
        var rows = new StringBuilder();
        var names = new LinkedHashMap<String, String>();
        names.put("mobayilo", "Mobayilo `POST /webhooks/twilio/voice`, %d/s".formatted(RATE));
        names.put("quickstart", "baseline: quickstart-style handler (WebFlux, SDK TwiML), %d/s".formatted(RATE));
        names.put("bare", "baseline: bare Reactor Netty, fixed TwiML, %d/s".formatted(RATE));
        names.put("probe", "Mobayilo at %d/s (probe, after the calls above were ended)".formatted(PROBE_RATE));
        names.forEach((target, name) -> rows.append("| %s | %s | %s | %s | %s | %s | %d | %d | %d |%n".formatted(name,
                spread(runs, target, answers -> answers.percentile(50)), spread(runs, target, answers -> answers.percentile(90)),
                spread(runs, target, answers -> answers.percentile(99)), spread(runs, target, answers -> answers.percentile(100)),
                BenchmarkReport.spread(values(runs, target, WebhookAnswers::rate), "%.0f"),
                runs.stream().mapToInt(run -> run.get(target).millis().size()).sum(),
                runs.stream().mapToInt(run -> run.get(target).failed()).sum(), runs.stream().mapToInt(run -> run.get(target).refused()).sum())));
        return """
                ## P1: voice webhook at 500 requests per second

                Command: `./mvnw -Pbench verify -Dit.test=VoiceWebhookBenchmark`. Gatling %s (its own JVM, loopback) injects an open
                model: %d new requests per second, randomised spacing, whatever the answers take; per target and run %d s of warm-up,
                then %d s measured, the baselines first so that a backlog in Mobayilo cannot slow them; %d runs. Each request
                is a distinct call (its own CallSid) of one of %d verified callers with credit, to one of %d rated numbers across
                the deck typed as E.164, spaced, with 00 or national, signed with `X-Twilio-Signature` as Twilio signs it. An
                operator's policy lets one caller have many calls at once (each bench caller stands for many people), so every
                call takes the full accept path; after each run its calls are ended with a `completed` callback and settled, and
                Mobayilo is measured again at %d/s. Response
                times are Gatling's, in whole milliseconds; cells are the median of the runs (min–max); "not 200" counts answers
                of any other status and requests with no answer within Gatling's 60 s timeout, warm-up included.

                | server, rate | p50 ms | p90 ms | p99 ms | max ms | achieved answers/s | measured 200s | not 200 | refused |
                |---|---|---|---|---|---|---|---|---|
                %s

                Mobayilo p99 / bare p99: %s. Mobayilo p99 / quickstart p99: %s (per run, median (min–max); a baseline p99 below
                1 ms counts as 1 ms). Goal: Mobayilo p99 ≤ 25 ms.

                CPU per call during the %d/s probe (warm-up included; median (min–max) of the runs): %s ms in the app's JVM,
                %s ms in PostgreSQL's processes. At %d/s the two cores give at most %.1f ms per call to everything, Gatling
                included.
                """.formatted(System.getProperty("gatling.version"), RATE, WARM_UP, MEASURED, runs.size(), CALLERS,
                destinations, PROBE_RATE, rows.toString().strip(), ratio(runs, "bare"), ratio(runs, "quickstart"), PROBE_RATE,
                BenchmarkReport.spread(cpu.stream().map(CpuMeter.Spent::appMillis).toList(), "%.2f"),
                BenchmarkReport.spread(cpu.stream().map(CpuMeter.Spent::databaseMillis).toList(), "%.2f"), RATE,
                2 * 1000.0 / RATE);
    }

    private static String spread(List<Map<String, WebhookAnswers>> runs, String target, ToDoubleFunction<WebhookAnswers> measure) {
        return BenchmarkReport.spread(values(runs, target, measure), "%.0f");
    }

    private static List<Double> values(List<Map<String, WebhookAnswers>> runs, String target, ToDoubleFunction<WebhookAnswers> measure) {
        return runs.stream().map(run -> measure.applyAsDouble(run.get(target))).toList();
    }

    private static String ratio(List<Map<String, WebhookAnswers>> runs, String baseline) {
        return BenchmarkReport.spread(runs.stream().map(run -> run.get("mobayilo").percentile(99) / Math.max(1, run.get(baseline).percentile(99)))
                .toList(), "%.1f");
    }
}
