package com.mobayilo.events.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.UserId;
import com.mobayilo.events.StreamedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The UI's live updates come from the core's own {@code /api/v1/events}, which the UI server follows on each
 * signed-in user's behalf with a short-lived session key (docs/decisions/0011-event-stream.md). So a UI-only
 * deployment needs nothing but the core's URL. One connection per user serves all of their tabs; it resumes
 * with {@code Last-Event-ID} after any interruption and closes a while after the last tab goes.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final Duration LINGER = Duration.ofSeconds(30);

    private final WebClient core;

    private final ApiKeys keys;

    private final Map<UserId, Flux<StreamedEvent>> followed = new ConcurrentHashMap<>();

    private final Map<UserId, SessionKey> sessionKeys = new ConcurrentHashMap<>();

    LiveEvents(ApiKeys keys, @Value("${mobayilo.core-url}") String coreUrl) {
        this.core = WebClient.builder().baseUrl(coreUrl).build();
        this.keys = keys;
    }

    /** This user's events from now on, shared by every view that follows them. */
    public Flux<StreamedEvent> follow(UserId user) {
        return followed.computeIfAbsent(user, this::connect);
    }

    private Flux<StreamedEvent> connect(UserId user) {
        var lastSeen = new AtomicLong(-1);
        return Flux.defer(() -> key(user).flatMapMany(secret -> core.get().uri("/api/v1/events")
                        .headers(headers -> {
                            headers.setBearerAuth(secret);
                            if (lastSeen.get() >= 0) {
                                headers.set("Last-Event-ID", Long.toString(lastSeen.get()));
                            }
                        })
                        .retrieve().bodyToFlux(SSE)))
                .filter(sse -> sse.id() != null && sse.event() != null)
                .map(sse -> new StreamedEvent(Long.parseLong(sse.id()), sse.event(), sse.data() == null ? "" : sse.data()))
                .doOnNext(event -> lastSeen.set(event.id()))
                .doOnError(WebClientResponseException.Unauthorized.class, expired -> sessionKeys.remove(user))
                .repeat()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.debug("Reconnecting the event stream of {}: {}", user, retry.failure().toString())))
                .doFinally(signal -> followed.remove(user))
                .publish()
                .refCount(1, LINGER);
    }

    private Mono<String> key(UserId user) {
        var cached = sessionKeys.get(user);
        if (cached != null && cached.freshUntil().isAfter(Instant.now())) {
            return Mono.just(cached.secret());
        }
        return keys.sessionKey(user).map(created -> {
            sessionKeys.put(user, new SessionKey(created.secret(), Instant.now().plus(Duration.ofHours(6))));
            return created.secret();
        });
    }

    private record SessionKey(String secret, Instant freshUntil) {
    }
}
