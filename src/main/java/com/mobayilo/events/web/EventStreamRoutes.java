package com.mobayilo.events.web;

import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mobayilo.events.Event;
import com.mobayilo.events.EventHub;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.LiveSubscription;
import com.mobayilo.events.RevokedKeyNotices;
import com.mobayilo.events.StreamAccess;
import com.mobayilo.events.StreamPresence;
import com.mobayilo.events.StreamReset;
import com.mobayilo.shared.Detached;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/events}: the caller's own events as server-sent events, each with its log id. A client
 * that reconnects with {@code Last-Event-ID} first gets what it missed from the table, up to the hub's
 * horizon, then the live feed, which starts above it: no gap, no duplicate. The stream ends within moments of its
 * key being revoked, on whichever instance it is open (docs/decisions/0022-ending-sessions-and-streams.md).
 */
@Configuration(proxyBeanMethods = false)
class EventStreamRoutes {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    static final Duration RETRY = Duration.ofSeconds(3);

    /** A client without a (valid) {@code Last-Event-ID}: it starts from now. */
    private static final long NOT_RESUMING = Long.MAX_VALUE;

    @Bean
    RouterFunction<ServerResponse> eventStream(EventHub hub, EventLog log, List<StreamAccess> access, List<StreamPresence> presence,
            ServerAuthenticationConverter presentedKeys, ReactiveAuthenticationManager keyCheck, StreamShutdown shutdown) {
        var keys = new StreamKeys(presentedKeys, keyCheck);
        return RouterFunctions.route().GET("/api/v1/events", request -> stream(request, hub, log, access, presence, keys, shutdown)).build();
    }

    private static Mono<ServerResponse> stream(ServerRequest request, EventHub hub, EventLog log, List<StreamAccess> access,
            List<StreamPresence> presence, StreamKeys keys, StreamShutdown shutdown) {
        var lastEventId = lastEventId(request);
        var events = request.principal()
                .flatMapMany(principal -> keys.presentedIn(request.exchange())
                        .flatMapMany(key -> streamsFor(principal, access)
                                .flatMapMany(streams -> Flux.using(() -> hub.subscribe(streams),
                                        live -> whileValid(keys, key, resumed(log, streams, lastEventId, live)),
                                        live -> live.close())))
                        .doOnSubscribe(subscription -> tell(presence, each -> each.opened(principal)))
                        .doFinally(signal -> tell(presence, each -> each.closed(principal))))
                .map(EventStreamRoutes::sse);
        var opening = Flux.just(ServerSentEvent.<String>builder().comment("connected").retry(RETRY).build());
        var heartbeats = Flux.interval(HEARTBEAT).map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        var ending = ServerSentEvent.<String>builder().comment("access ended").build();
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .body(BodyInserters.fromServerSentEvents(shutdown.untilShutdown(opening.concatWith(Flux.merge(events, heartbeats))
                        .onErrorResume(AccessEnded.class, ended -> Flux.just(ending)))));
    }

    /**
     * What the client missed from the log, then the live feed. The client may come from an instance that is ahead of
     * this one ({@code Last-Event-ID} above this hub's horizon): live events it already has are not sent again. When
     * some of what it missed was purged, it gets a {@code stream.reset} instead of a replay with a hole, then the live
     * feed (docs/decisions/0036-retention.md).
     */
    private static Flux<Event> resumed(EventLog log, Set<String> streams, long lastEventId, LiveSubscription live) {
        if (lastEventId == NOT_RESUMING) {
            return live.events().filter(event -> event.id() > live.horizon());
        }
        var following = live.events().filter(event -> event.id() > lastEventId);
        return log.purgedAfter(streams, lastEventId)
                .flatMapMany(purged -> purged ? reset(lastEventId, live) : replayed(log, streams, lastEventId, live))
                .concatWith(following);
    }

    /** The replay, checked once more at its end: a purge that ran while it was read may have taken part of it. */
    private static Flux<Event> replayed(EventLog log, Set<String> streams, long lastEventId, LiveSubscription live) {
        return log.between(streams, lastEventId, live.horizon())
                .concatWith(log.purgedAfter(streams, lastEventId).flatMapMany(purged -> purged ? reset(lastEventId, live) : Flux.empty()));
    }

    private static Flux<Event> reset(long lastEventId, LiveSubscription live) {
        return Flux.just(StreamReset.after(lastEventId, Math.max(lastEventId, live.horizon())));
    }

    /**
     * The feed for as long as its key opens it. The key is checked once more after subscribing, for a revocation
     * committed between the security chain's check and the subscription, then again at each revocation announced on
     * the stream (docs/decisions/0022-ending-sessions-and-streams.md). Announcements are not passed on.
     */
    private static Flux<Event> whileValid(StreamKeys keys, Authentication key, Flux<Event> feed) {
        return checked(keys, key).thenMany(feed)
                .concatMap(event -> RevokedKeyNotices.TYPE.equals(event.type()) ? checked(keys, key).then(Mono.<Event>empty()) : Mono.just(event));
    }

    private static Mono<Void> checked(StreamKeys keys, Authentication key) {
        return keys.stillValid(key).flatMap(valid -> valid ? Mono.<Void>empty() : Mono.error(new AccessEnded()));
    }

    /** Ends a stream whose key no longer opens it; the client's reconnect then gets 401. */
    private static final class AccessEnded extends RuntimeException {

        AccessEnded() {
            super("The stream's key no longer opens it", null, false, false);
        }
    }

    /** Detached, so that the stream does not keep the lookups' queries alive for its whole life (docs/benchmarks.md, P3). */
    private static Mono<Set<String>> streamsFor(Principal principal, List<StreamAccess> access) {
        return Detached.value(Flux.fromIterable(access).concatMap(each -> each.streamsFor(principal)).collect(HashSet<String>::new, Set::addAll));
    }

    private static void tell(List<StreamPresence> presence, java.util.function.Function<StreamPresence, Mono<Void>> what) {
        Flux.fromIterable(presence).flatMap(each -> what.apply(each).onErrorResume(error -> Mono.empty())).subscribe();
    }

    private static ServerSentEvent<String> sse(Event event) {
        return ServerSentEvent.builder(event.payload()).id(Long.toString(event.id())).event(event.type()).build();
    }

    private static long lastEventId(ServerRequest request) {
        var header = request.headers().firstHeader("Last-Event-ID");
        var value = header != null ? header : request.queryParam("lastEventId").orElse(null);
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return NOT_RESUMING;
        }
        return Long.parseLong(value.strip());
    }
}
