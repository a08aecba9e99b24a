package com.mobayilo.calls.web;

import java.util.List;
import java.util.Map;

import com.mobayilo.calls.CallProgress;
import com.mobayilo.calls.CallStarts;
import com.mobayilo.calls.CallStatus;
import com.mobayilo.calls.CallerIdReport;
import com.mobayilo.calls.CallSummary;
import com.mobayilo.calls.CallerIdVerification;
import com.mobayilo.calls.DropProtection;
import com.mobayilo.calls.StatusReport;
import com.mobayilo.calls.VoiceRequest;
import com.mobayilo.calls.twilio.MalformedWebhook;
import com.mobayilo.calls.twilio.TwiMl;
import com.mobayilo.calls.twilio.TwilioAccount;
import com.mobayilo.calls.twilio.TwilioForm;
import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.calls.twilio.WebhookUrls;
import com.mobayilo.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Twilio's webhooks, in the order the issue demands: a readable form (415 for another content type, 400 for a body
 * that is no form, 413 over 256 KB), then the signature (403 when it does not match) and the call it names (400
 * without a CallSid), then the caller, the number, the checks and the hold (in {@link CallStarts}), then TwiML.
 * Status callbacks and the Dial action go through {@link CallProgress}, which makes them idempotent and
 * order-tolerant; caller ID verification callbacks go through {@link CallerIdVerification}, which applies each once.
 */
@Configuration(proxyBeanMethods = false)
class TwilioWebhooks {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    static final String SIGNATURE = "X-Twilio-Signature";

    @Bean
    RouterFunction<ServerResponse> twilioWebhookRoutes(CallStarts starts, CallProgress progress, CallerIdVerification callerIds, DropProtection drops,
            TwilioAccount account, MessageSource messages, Problems problems, @Value("${mobayilo.public-url}") String publicUrl) {
        var signatures = new TwilioSignatures(account.authToken());
        var handler = new Handler(starts, progress, callerIds, drops, signatures, messages, problems, publicUrl.replaceAll("/+$", ""));
        return RouterFunctions.route()
                .POST("/webhooks/twilio/voice", handler::voice)
                .POST(TwiMl.STATUS_PATH, handler::status)
                .POST(CallerIdVerification.CALLBACK_PATH, handler::callerId)
                .POST(DropProtection.CALL_SUMMARY_PATH, handler::callSummary)
                .build();
    }

    private record Handler(CallStarts starts, CallProgress progress, CallerIdVerification callerIds, DropProtection drops, TwilioSignatures signatures,
            MessageSource messages, Problems problems, String publicUrl) {

        Mono<ServerResponse> voice(ServerRequest request) {
            return signed(request).flatMap(form -> starts.answer(new VoiceRequest(form.get("CallSid"), form.get("From"), form.get("To"))))
                    .flatMap(answer -> twiml(TwiMl.answer(answer, publicUrl, messages)))
                    .switchIfEmpty(Mono.defer(() -> forbidden(request)));
        }

        Mono<ServerResponse> status(ServerRequest request) {
            return signed(request).flatMap(form -> report(form).map(progress::report).orElseGet(Mono::empty).then(twiml(TwiMl.empty())))
                    .switchIfEmpty(Mono.defer(() -> forbidden(request)));
        }

        /**
         * How a call ended, from the carrier's call summary: drop protection credits a call the network dropped. A
         * summary of a call not settled yet is answered 409, so that it is sent again (docs/decisions/0026-call-quality.md).
         */
        Mono<ServerResponse> callSummary(ServerRequest request) {
            return signed(request)
                    .flatMap(form -> drops.report(new CallSummary(form.get("CallSid"), form.getOrDefault("DisconnectedBy", ""), seconds(form.get("ErrorCode")))))
                    .flatMap(outcome -> outcome == DropProtection.Outcome.NOT_ENDED
                            ? ServerResponse.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                    .bodyValue(problems.problem(request.exchange(), HttpStatus.CONFLICT, "problem.call.summary.early"))
                            : ServerResponse.noContent().build())
                    .switchIfEmpty(Mono.defer(() -> forbidden(request)));
        }

        /** The outcome of a caller ID verification call; the request it answers is named in the signed URL. */
        Mono<ServerResponse> callerId(ServerRequest request) {
            return signed(request).flatMap(form -> callerIdReport(request, form).map(callerIds::report).orElseGet(Mono::empty).then(twiml(TwiMl.empty())))
                    .switchIfEmpty(Mono.defer(() -> forbidden(request)));
        }

        private static java.util.Optional<CallerIdReport> callerIdReport(ServerRequest request, Map<String, String> form) {
            var status = form.get("VerificationStatus");
            var number = form.get("To");
            try {
                return request.queryParam("request").filter(id -> number != null && status != null)
                        .map(id -> new CallerIdReport(java.util.UUID.fromString(id), number, "success".equals(status), form.get("OutgoingCallerIdSid")));
            }
            catch (IllegalArgumentException notOurs) {
                log.warn("A caller ID callback named no request of ours: {}", request.uri());
                return java.util.Optional.empty();
            }
        }

        /** A status callback of the dialled leg, or the Dial verb's action on the caller's leg. */
        private static java.util.Optional<StatusReport> report(Map<String, String> form) {
            var callSid = form.get("CallSid");
            var dialStatus = form.get("DialCallStatus");
            if (dialStatus != null) {
                return CallStatus.fromTwilio(dialStatus).filter(CallStatus::isTerminal)
                        .map(status -> StatusReport.dialAction(callSid, status, dialStatus, seconds(form.get("DialCallDuration"))));
            }
            var status = form.get("CallStatus");
            return CallStatus.fromTwilio(status)
                    .map(known -> StatusReport.callback(callSid, form.get("ParentCallSid"), known, status, seconds(form.get("CallDuration"))));
        }

        /**
         * The form when its signature matches the public URL Twilio signed (with or without the default port); empty otherwise. Twilio posts
         * forms only, so any other content type is refused before the body is read, and a body that is no form
         * (TwilioForm) or an oversized one (over the codecs' 256 KB) is refused as such.
         */
        private Mono<Map<String, String>> signed(ServerRequest request) {
            var type = request.headers().contentType().orElse(null);
            if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
                return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_FORM_URLENCODED)));
            }
            var urls = WebhookUrls.candidates(publicUrl, request.exchange().getRequest().getURI());
            return request.bodyToMono(String.class).defaultIfEmpty("").map(TwilioForm::parse)
                    .filter(form -> signatures.isValid(urls, form, request.headers().firstHeader(SIGNATURE)))
                    .map(Handler::aboutACall);
        }

        /** Every webhook Twilio sends is about a call and names its SID (34 characters); a signed one without is refused. */
        private static Map<String, String> aboutACall(Map<String, String> form) {
            var callSid = form.get("CallSid");
            if (callSid == null || callSid.isBlank() || callSid.length() > 64) {
                throw new MalformedWebhook();
            }
            return form;
        }

        private Mono<ServerResponse> forbidden(ServerRequest request) {
            log.warn("Refused a Twilio webhook with a bad signature on {}", request.path());
            return Mono.defer(() -> ServerResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(problems.problem(request.exchange(), HttpStatus.FORBIDDEN, "problem.webhook.signature")));
        }

        private static Mono<ServerResponse> twiml(String xml) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_XML).bodyValue(xml);
        }

        private static int seconds(String value) {
            try {
                return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
            }
            catch (NumberFormatException ex) {
                return 0;
            }
        }
    }
}
