package com.mobayilo.bench;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The floor under {@link SseStreamsBenchmark}: a bare Reactor Netty server that holds SSE streams the way
 * Mobayilo's does (opening comment, a heartbeat every 15 s) and broadcasts each event to all of them, with
 * no security, routing, subscriptions or database.
 */
final class BareSseServer implements AutoCloseable {

    private final Sinks.Many<String> events = Sinks.many().multicast().directBestEffort();

    private final DisposableServer server;

    private long sent;

    BareSseServer() {
        server = HttpServer.create().host("localhost").port(0)
                .route(routes -> routes.get("/events", (request, response) -> response
                        .header("Content-Type", "text/event-stream")
                        .header("Cache-Control", "no-cache")
                        .sendString(Flux.just(":connected\nretry:3000\n\n").concatWith(Flux.merge(events.asFlux(),
                                Flux.interval(Duration.ofSeconds(15)).map(tick -> ":heartbeat\n\n"))))))
                .bindNow();
    }

    String url() {
        return "http://localhost:" + server.port() + "/events";
    }

    void broadcast() {
        sent++;
        events.tryEmitNext("id:%d\nevent:bench\ndata:{\"n\":%d}\n\n".formatted(sent, sent));
    }

    @Override
    public void close() {
        events.tryEmitComplete();
        server.disposeNow();
    }
}
