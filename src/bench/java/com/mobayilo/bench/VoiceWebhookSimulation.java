package com.mobayilo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load of {@code VoiceWebhookBenchmark}: an open model, new requests arriving at a constant rate (randomised
 * spacing) whatever the answers take, to each target in turn. Every request is one line of the requests file,
 * a signed voice webhook of a distinct call; each target gets its own pass over the file, warm-up lines first.
 * Every answer is written to the results file (target, phase, status, whether it dials, response time, end),
 * which the benchmark reads; Gatling's own response times are in whole milliseconds.
 *
 * <p>System properties: {@code bench.targets} ({@code name=url,...} in order), {@code bench.requests},
 * {@code bench.results}, {@code bench.rate} (per second), {@code bench.warmup} and {@code bench.measured}
 * (seconds).
 */
public class VoiceWebhookSimulation extends Simulation {

    private final int rate = Integer.getInteger("bench.rate");

    private final int warmUpSeconds = Integer.getInteger("bench.warmup");

    private final int measuredSeconds = Integer.getInteger("bench.measured");

    private final List<String[]> requests = lines(Path.of(System.getProperty("bench.requests")));

    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();

    public VoiceWebhookSimulation() {
        var protocol = http.disableWarmUp().shareConnections().contentTypeHeader("application/x-www-form-urlencoded");
        var populations = new ArrayList<PopulationBuilder>();
        for (var target : System.getProperty("bench.targets").split(",")) {
            var nameAndUrl = target.split("=", 2);
            populations.add(population(nameAndUrl[0], nameAndUrl[1]));
        }
        var chain = populations.getLast();
        for (int i = populations.size() - 2; i >= 0; i--) {
            chain = populations.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol).maxDuration(Duration.ofSeconds((long) populations.size() * (warmUpSeconds + measuredSeconds + 60)));
    }

    private PopulationBuilder population(String name, String url) {
        var requestsSent = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return requestsSent.get() < requests.size();
            }

            @Override
            public Map<String, Object> next() {
                var index = requestsSent.getAndIncrement();
                var request = requests.get(index);
                return Map.of("signature", request[0], "body", request[1], "phase", index < rate * warmUpSeconds ? "warm-up" : "measured");
            }
        };
        var scenario = scenario(name).feed(feeder)
                .exec(http(name).post(url).header("X-Twilio-Signature", "#{signature}").body(StringBody("#{body}"))
                        .check(status().saveAs("status"), substring("<Dial").count().saveAs("dials"), responseTimeInMillis().saveAs("time")))
                .exec(session -> record(name, session));
        return scenario.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(warmUpSeconds + measuredSeconds)).randomized());
    }

    /** One line per answer; a request that got no answer at all has status 0. */
    private Session record(String target, Session session) {
        var status = session.contains("status") ? session.getInt("status") : 0;
        var dials = session.contains("dials") ? session.getInt("dials") : 0;
        var time = session.contains("time") ? session.getInt("time") : -1;
        answers.add(String.join(",", target, session.getString("phase"), Integer.toString(status), Integer.toString(dials), Integer.toString(time),
                Long.toString(System.currentTimeMillis())));
        return session;
    }

    @Override
    public void after() {
        try {
            Files.write(Path.of(System.getProperty("bench.results")), answers);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String[]> lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.map(line -> line.split("\t", 2)).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
