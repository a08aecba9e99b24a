package com.mobayilo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The many SSE subscribers of {@link SseStreamsBenchmark}, in a JVM of their own: the measured server's heap
 * then holds none of the client's connections, and each process stays under the file-descriptor limit.
 * Driven line by line on stdin; it records {@link System#nanoTime()} of every event's arrival, which on Linux
 * is the machine-wide monotonic clock, so the benchmark can compare it with its own send times.
 *
 * <pre>
 * open URL COUNT KEY,KEY,...   → opened TOTAL FAILED SECONDS   (opens COUNT more streams, keys round robin; "-" = no key)
 * mark                         → marked                        (forgets earlier arrivals)
 * collect EXPECTED MILLIS      → arrivals N T1 T2 ...          (waits until EXPECTED events arrived or MILLIS passed)
 * close                        → closed
 * </pre>
 */
final class SseCrowd {

    private static final int OPENING_AT_ONCE = 200;

    private final HttpClient client = HttpClient.create(ConnectionProvider.newConnection());

    private final List<Disposable> streams = new ArrayList<>();

    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

    private final AtomicInteger failed = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        var crowd = new SseCrowd();
        var in = new BufferedReader(new InputStreamReader(System.in));
        for (var line = in.readLine(); line != null; line = in.readLine()) {
            var words = line.strip().split(" ");
            var answer = switch (words[0]) {
                case "open" -> crowd.open(words[1], Integer.parseInt(words[2]), List.of(words[3].split(",")));
                case "mark" -> crowd.mark();
                case "collect" -> crowd.collect(Integer.parseInt(words[1]), Duration.ofMillis(Long.parseLong(words[2])));
                case "close" -> crowd.close();
                default -> "unknown " + words[0];
            };
            System.out.println(answer);
            System.out.flush();
        }
        crowd.close();
        System.exit(0);
    }

    private String open(String url, int count, List<String> keys) {
        var started = System.nanoTime();
        var offset = streams.size();
        Flux.range(0, count).flatMap(i -> connect(url, keys.get((offset + i) % keys.size())), OPENING_AT_ONCE)
                .then().block(Duration.ofMinutes(10));
        return String.format(Locale.ROOT, "opened %d %d %.1f", streams.size() - failed.get(), failed.get(), (System.nanoTime() - started) / 1e9);
    }

    /** Completes once the server's opening comment arrived (or the stream failed); the stream stays open. */
    private Mono<Void> connect(String url, String key) {
        var connected = Sinks.<Void>empty();
        var reader = new Reader(connected);
        var request = "-".equals(key) ? client : client.headers(headers -> headers.set("Authorization", "Bearer " + key));
        var stream = request.get().uri(url)
                .response((response, body) -> response.status().code() == 200 ? body.asString()
                        : Flux.error(new IllegalStateException("status " + response.status().code())))
                .subscribe(reader::read, error -> {
                    failed.incrementAndGet();
                    connected.tryEmitEmpty();
                });
        synchronized (streams) {
            streams.add(stream);
        }
        return connected.asMono().timeout(Duration.ofSeconds(60), Mono.fromRunnable(() -> {
            failed.incrementAndGet();
            stream.dispose();
        }));
    }

    private String mark() {
        arrivals.clear();
        return "marked";
    }

    private String collect(int expected, Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        var times = List.copyOf(arrivals);
        return "arrivals " + times.size() + (times.isEmpty() ? "" : " " + times.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }

    private String close() {
        synchronized (streams) {
            streams.forEach(Disposable::dispose);
            streams.clear();
        }
        failed.set(0);
        return "closed";
    }

    /** Finds the opening comment and each event's {@code id:} line, even when a chunk splits a line. */
    private final class Reader {

        private final Sinks.Empty<Void> connected;

        private String tail = "\n";

        private boolean open;

        Reader(Sinks.Empty<Void> connected) {
            this.connected = connected;
        }

        void read(String chunk) {
            var text = tail + chunk;
            if (!open && text.contains("connected")) {
                open = true;
                connected.tryEmitEmpty();
            }
            for (int at = text.indexOf("\nid:"); at >= 0; at = text.indexOf("\nid:", at + 1)) {
                arrivals.add(System.nanoTime());
            }
            tail = text.substring(Math.max(0, text.length() - 3));
        }
    }
}
