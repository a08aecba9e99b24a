package com.mobayilo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Java quickstart (form in, SDK-built {@code Dial} out). Each run warms up every target before measuring it;
 * the order of targets rotates between runs, and the calls of a run are ended (settled) before the next.
 */
class VoiceWebhookBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);

    private static final int CALLERS = 1000;

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 30);

    private static final int MEASURED = Integer.getInteger("bench.measured", 30);

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private static final List<String> TARGETS = List.of(System.getProperty("bench.voice.targets", "bare,quickstart,mobayilo").split(","));

    @Test
    void voiceWebhookAtFiveHundredPerSecond() throws Exception {
        DisposableServer bare = TwimlBaselines.bare();
        DisposableServer quickstart = TwimlBaselines.quickstart();
        try (var app = TestApp.start()) {
            var urls = Map.of("bare", TwimlBaselines.url(bare), "quickstart", TwimlBaselines.url(quickstart),
                    "mobayilo", app.coreUrl().replace("localhost", "127.0.0.1") + Telephony.VOICE_PATH);
            var load = CallLoad.prepare(app, CALLERS);
            var runs = new ArrayList<Map<String, WebhookAnswers>>();
            for (int run = 0; run < RUNS; run++) {
                runs.add(run(load, urls, run));
                System.out.printf("Run %d ended %d calls%n", run + 1, load.endLiveCalls());
            }
            var ledger = app.bean(LedgerCheck.class).run().block();
            assertThat(ledger.isConsistent()).as(ledger.toString()).isTrue();
            runs.forEach(answers -> answers.forEach((target, result) -> {
                assertThat(result.failed()).as("answers of %s that were not 200", target).isZero();
                assertThat(result.refused()).as("calls %s refused", target).isZero();
            }));
            if (RATE == 500 && RUNS >= 3 && MEASURED >= 30 && TARGETS.size() == 3) {
                BenchmarkReport.write("voice-webhook", report(runs, load.destinations()));
            }
        }
        finally {
            bare.disposeNow();
            quickstart.disposeNow();
        }
    }

    private static Map<String, WebhookAnswers> run(CallLoad load, Map<String, String> urls, int run) throws Exception {
        var folder = Path.of("target", "gatling", "voice-run-" + (run + 1));
        var requests = folder.toAbsolutePath().resolve("requests.tsv");
        var results = folder.toAbsolutePath().resolve("answers.csv");
        Files.createDirectories(folder);
        load.writeRequests(requests, (int) (RATE * (WARM_UP + MEASURED) * 1.1));
        var order = new ArrayList<String>();
        for (int i = 0; i < TARGETS.size(); i++) {
            var target = TARGETS.get((i + run) % TARGETS.size());
            order.add(target + "=" + urls.get(target));
        }
        GatlingRun.run("com.mobayilo.bench.VoiceWebhookSimulation", folder, Map.of("bench.targets", String.join(",", order),
                "bench.requests", requests.toString(), "bench.results", results.toString(), "bench.rate", Integer.toString(RATE),
                "bench.warmup", Integer.toString(WARM_UP), "bench.measured", Integer.toString(MEASURED)),
                Duration.ofSeconds(TARGETS.size() * (WARM_UP + MEASURED + 60L) + 60));
        var answers = WebhookAnswers.read(results);
        answers.forEach((target, result) -> System.out.printf(Locale.ROOT, "Run %d, %s: %s%n", run + 1, target, result));
        return answers;
    }

    private static String report(List<Map<String, WebhookAnswers>> runs, int destinations) {
        var rows = new StringBuilder();
        var names = new LinkedHashMap<String, String>();
        names.put("mobayilo", "Mobayilo `POST /webhooks/twilio/voice`");
        names.put("quickstart", "baseline: quickstart-style handler (WebFlux, SDK TwiML)");
        names.put("bare", "baseline: bare Reactor Netty, fixed TwiML");
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
                then %d s measured; %d runs, the order of the three targets rotating. Each request is a distinct call (its own
                CallSid) of one of %d verified callers with credit, to one of %d rated numbers across the deck typed as E.164, spaced,
                with 00 or national, signed with `X-Twilio-Signature` as Twilio signs it. An operator's policy lets one caller have
                many calls at once (each bench caller stands for many people), so every call takes the full accept path; after each
                run its calls are ended with a `completed` callback and settled. Response times are Gatling's, in whole
                milliseconds; cells are the median of the runs (min–max).

                | server | p50 ms | p90 ms | p99 ms | max ms | achieved req/s | measured answers | not 200 | refused |
                |---|---|---|---|---|---|---|---|---|
                %s
                Mobayilo p99 / bare p99: %s. Mobayilo p99 / quickstart p99: %s (per run, median (min–max); a baseline p99 below
                1 ms counts as 1 ms). Goal: Mobayilo p99 ≤ 25 ms.
                """.formatted(System.getProperty("gatling.version"), RATE, WARM_UP, MEASURED, runs.size(), CALLERS,
                destinations, rows.toString().strip(), ratio(runs, "bare"), ratio(runs, "quickstart"));
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
