package com.mobayilo.bench;

import java.nio.charset.StandardCharsets;

import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The two servers the voice webhook is compared with, on the loopback in the benchmark's JVM: the ceiling, a bare
 * Reactor Netty handler answering fixed TwiML, and a handler in the style of Twilio's Java quickstart, which
 * reads the form and dials {@code To} with the SDK's TwiML builder, with no signature check, no caller, no
 * rating and no hold.
 */
final class TwimlBaselines {

    static final String PATH = "/voice";

    private static final byte[] FIXED = """
            <?xml version="1.0" encoding="UTF-8"?><Response><Dial answerOnBridge="true" callerId="+15005550006" timeLimit="7200">\
            <Number>+243812345678</Number></Dial></Response>""".getBytes(StandardCharsets.UTF_8);

    private TwimlBaselines() {
    }

    static DisposableServer bare() {
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post(PATH, (request, response) -> request.receive().asByteArray().then()
                        .then(response.header("Content-Type", "application/xml").sendByteArray(Mono.just(FIXED)).then())))
                .bindNow();
    }

    static DisposableServer quickstart() {
        var router = RouterFunctions.route().POST(PATH, TwimlBaselines::dial).build();
        var handler = RouterFunctions.toHttpHandler(router);
        return HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
    }

    private static Mono<ServerResponse> dial(ServerRequest request) {
        return request.formData().flatMap(form -> {
            var number = new Number.Builder(form.getFirst("To")).build();
            var dial = new Dial.Builder().callerId("+15005550006").number(number).build();
            return ServerResponse.ok().contentType(MediaType.APPLICATION_XML).bodyValue(xml(new VoiceResponse.Builder().dial(dial).build()));
        });
    }

    private static String xml(VoiceResponse response) {
        try {
            return response.toXml();
        }
        catch (TwiMLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String url(DisposableServer server) {
        return "http://127.0.0.1:" + server.port() + PATH;
    }
}
