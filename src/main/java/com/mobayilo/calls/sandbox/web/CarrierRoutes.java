package com.mobayilo.calls.sandbox.web;

import java.util.Map;

import com.mobayilo.calls.sandbox.CarrierSignal;
import com.mobayilo.calls.sandbox.SandboxCarrier;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The sandbox carrier's signalling, for the browser's simulated device: place a call (the answer is a stream of
 * signals that ends with the call), hang up, send digits. Authenticated by the caller's voice access token,
 * like Twilio's own signalling. Absent (404) when Twilio is live.
 */
@Configuration(proxyBeanMethods = false)
class CarrierRoutes {

    @Bean
    RouterFunction<ServerResponse> sandboxCarrierRoutes(SandboxCarrier carrier) {
        return RouterFunctions.route()
                // "Test my connection" in the sandbox times this round trip; a POST without a body needs no CORS preflight.
                .POST("/sandbox/carrier/ping", request -> ifActive(carrier, () -> ServerResponse.noContent().build()))
                .POST("/sandbox/carrier/calls", request -> ifActive(carrier, () -> call(request, carrier)))
                .DELETE("/sandbox/carrier/calls/{sid}", request -> ifActive(carrier, () -> {
                    carrier.hangup(token(request), request.pathVariable("sid"));
                    return ServerResponse.noContent().build();
                }))
                .POST("/sandbox/carrier/calls/{sid}/digits", request -> ifActive(carrier, () -> request.bodyToMono(Digits.class)
                        .defaultIfEmpty(new Digits(""))
                        .flatMap(digits -> {
                            carrier.digits(token(request), request.pathVariable("sid"), digits.digits());
                            return ServerResponse.noContent().build();
                        })))
                .build();
    }

    private static Mono<ServerResponse> call(ServerRequest request, SandboxCarrier carrier) {
        var token = token(request);
        return request.bodyToMono(Dial.class)
                .defaultIfEmpty(new Dial(""))
                .flatMap(dial -> ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(carrier.call(token, dial.to()).map(CarrierRoutes::event), ServerSentEvent.class));
    }

    private static ServerSentEvent<Map<String, String>> event(CarrierSignal signal) {
        return ServerSentEvent.<Map<String, String>>builder().event(signal.event()).data(signal.data()).build();
    }

    private static Mono<ServerResponse> ifActive(SandboxCarrier carrier, java.util.function.Supplier<Mono<ServerResponse>> handler) {
        return carrier.isActive() ? Mono.defer(handler) : ServerResponse.notFound().build();
    }

    private static String token(ServerRequest request) {
        var header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
    }

    record Dial(String to) {
    }

    record Digits(String digits) {
    }
}
