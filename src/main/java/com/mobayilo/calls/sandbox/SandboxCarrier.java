package com.mobayilo.calls.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.mobayilo.calls.CallStatus;
import com.mobayilo.calls.CarrierCalls;
import com.mobayilo.calls.twilio.TwilioAccount;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sandbox's Twilio (docs/decisions/0013-calls.md). The browser's simulated device presents the same access
 * token it would give Twilio; the carrier checks it, then does what Twilio does: asks the voice webhook for
 * TwiML, signed with the auth token, and plays the dialled leg (ringing, then answer, busy, no answer or
 * failure by the number's last four digits), posting signed status callbacks and the Dial action through the
 * same handlers. Talk time runs {@code speed} times faster than real time, for tests; the time limit holds.
 * Answered calls to three more test numbers show what call quality looks like (docs/decisions/0026-call-quality.md):
 * {@code …0007} a weak network (a packet loss warning, cleared after a few seconds), {@code …0008} a lost media
 * connection (reconnecting, then reconnected) and {@code …0009} a drop five seconds after the answer, reported
 * like Voice Insights' call summary (the caller's leg, error 53405) on the signed call summary webhook.
 */
@Component
public class SandboxCarrier {

    private static final Logger log = LoggerFactory.getLogger(SandboxCarrier.class);

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final TwilioAccount account;

    private final SignedWebhooks webhooks;

    private final double speed;

    private final Duration ringing;

    private final Clock clock;

    /** How long the simulated quality troubles last, in real time (they are for people and tests to see). */
    private static final Duration TROUBLE = Duration.ofMillis(3000);

    /** The SDK's "media connection failed" error, which ends a call whose network is gone. */
    static final int MEDIA_FAILED = 53405;

    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();

    private final Map<String, CountDownLatch> hangups = new ConcurrentHashMap<>();

    SandboxCarrier(TwilioAccount account, SignedWebhooks webhooks, @Value("${mobayilo.sandbox.carrier.speed:1}") double speed,
            @Value("${mobayilo.sandbox.carrier.ringing:PT1.5S}") Duration ringing, Clock clock) {
        this.account = account;
        this.webhooks = webhooks;
        this.speed = speed;
        this.ringing = ringing;
        this.clock = clock;
    }

    public boolean isActive() {
        return !account.isLive();
    }

    /** Places a call for the holder of {@code accessToken}; the signals end when the call does. */
    public Flux<CarrierSignal> call(String accessToken, String to) {
        var identity = identityIn(accessToken);
        var call = new SimulatedCall(newSid(), newSid(), identity);
        calls.put(call.callSid, call);
        hangups.put(call.callSid, new CountDownLatch(1));
        var signals = Sinks.many().replay().<CarrierSignal>all();
        Thread.ofVirtual().name("sandbox-call-" + call.callSid).start(() -> {
            try {
                play(call, to, signals);
            }
            catch (RuntimeException ex) {
                log.warn("Sandbox call {} broke off: {}", call.callSid, ex.toString());
                call.endedWith = "failed";
                signals.tryEmitNext(CarrierSignal.disconnected("failed"));
            }
            finally {
                signals.tryEmitComplete();
                hangups.remove(call.callSid);
            }
        });
        return signals.asFlux();
    }

    /** The browser hung up. Only the call's own caller may hang it up. */
    public void hangup(String accessToken, String callSid) {
        var call = calls.get(callSid);
        if (call == null || !call.identity.equals(identityIn(accessToken))) {
            throw new UnknownSandboxCall();
        }
        call.hangupRequested = true;
        Optional.ofNullable(hangups.get(callSid)).ifPresent(CountDownLatch::countDown);
    }

    /** Checks DTMF digits the way Twilio would accept them; the simulated callee hears nothing. */
    public void digits(String accessToken, String callSid, String digits) {
        var call = calls.get(callSid);
        if (call == null || !call.identity.equals(identityIn(accessToken)) || digits == null || !digits.matches("[0-9*#wW]{1,32}")) {
            throw new UnknownSandboxCall();
        }
    }

    /** How a call ended, for the stale-call job; see {@link CarrierCalls}. */
    public Mono<CarrierCalls.Ended> ending(String callSid) {
        var call = calls.get(callSid);
        if (call == null) {
            // the carrier forgot the call (a restart): nothing connected is known, so nothing is billed
            return Mono.just(new CarrierCalls.Ended(CallStatus.CANCELED, 0, Optional.empty()));
        }
        if (call.endedWith == null) {
            return Mono.empty();
        }
        return Mono.just(new CarrierCalls.Ended(CallStatus.fromTwilio(call.endedWith).orElse(CallStatus.FAILED), call.durationSeconds, Optional.empty()));
    }

    private void play(SimulatedCall call, String to, Sinks.Many<CarrierSignal> signals) {
        var twiml = post("/webhooks/twilio/voice", voiceParameters(call, to));
        var dial = dialIn(twiml);
        signals.tryEmitNext(CarrierSignal.accepted(call.callSid));
        if (dial.isEmpty()) {
            call.endedWith = "completed";
            signals.tryEmitNext(CarrierSignal.disconnected("refused"));
            return;
        }
        call.dialled = dial.get();
        status(call, "initiated", null);
        if (waitForHangup(call, Duration.ofMillis(300))) {
            end(call, "canceled", 0, false, signals);
            return;
        }
        status(call, "ringing", null);
        signals.tryEmitNext(CarrierSignal.ringing());
        var lastFour = digitsOf(call.dialled.number());
        switch (lastFour) {
            case "0002" -> end(call, "busy", 0, true, signals);
            case "0004" -> end(call, "failed", 0, true, signals);
            case "0003" -> {
                if (waitForHangup(call, ringing.multipliedBy(3))) {
                    end(call, "canceled", 0, false, signals);
                }
                else {
                    end(call, "no-answer", 0, true, signals);
                }
            }
            default -> talk(call, signals);
        }
    }

    private void talk(SimulatedCall call, Sinks.Many<CarrierSignal> signals) {
        if (waitForHangup(call, ringing)) {
            end(call, "canceled", 0, false, signals);
            return;
        }
        call.answeredAt = clock.instant();
        status(call, "in-progress", null);
        signals.tryEmitNext(CarrierSignal.answered());
        if (troubled(call, signals)) {
            return;
        }
        var limit = Duration.ofMillis((long) (call.dialled.timeLimitSeconds() * 1000 / speed));
        var hungUp = waitForHangup(call, limit);
        var seconds = Math.min(call.simulatedSecondsSinceAnswer(clock.instant(), speed), call.dialled.timeLimitSeconds());
        end(call, "completed", hungUp ? seconds : call.dialled.timeLimitSeconds(), !hungUp, signals);
        if (!hungUp) {
            log.info("Sandbox call {} reached its time limit of {} s", call.callSid, call.dialled.timeLimitSeconds());
        }
    }

    /**
     * The quality troubles of the test numbers, once the call is answered; true when the call dropped (or was hung up
     * during the trouble and has ended).
     */
    private boolean troubled(SimulatedCall call, Sinks.Many<CarrierSignal> signals) {
        switch (digitsOf(call.dialled.number())) {
            case "0007" -> {
                signals.tryEmitNext(CarrierSignal.warning("high-packet-loss"));
                if (!waitForHangup(call, TROUBLE)) {
                    signals.tryEmitNext(CarrierSignal.warningCleared("high-packet-loss"));
                }
            }
            case "0008" -> {
                signals.tryEmitNext(CarrierSignal.reconnecting());
                if (!waitForHangup(call, TROUBLE)) {
                    signals.tryEmitNext(CarrierSignal.reconnected());
                }
            }
            case "0009" -> {
                if (waitForHangup(call, Duration.ofMillis((long) (5000 / speed)))) {
                    return false;
                }
                drop(call, signals);
                return true;
            }
            default -> { }
        }
        return false;
    }

    /**
     * The caller's leg lost its network five simulated seconds in: Twilio ends the dialled leg (its status callback),
     * asks no Dial action (the caller is gone), and Voice Insights later summarises the call as disconnected by the
     * caller with the SDK's error.
     */
    private void drop(SimulatedCall call, Sinks.Many<CarrierSignal> signals) {
        var seconds = 5;
        call.durationSeconds = seconds;
        status(call, "completed", Integer.toString(seconds));
        call.endedWith = "completed";
        var summary = new LinkedHashMap<String, String>();
        summary.put("AccountSid", account.accountSid());
        summary.put("CallSid", call.callSid);
        summary.put("DisconnectedBy", "caller");
        summary.put("ErrorCode", Integer.toString(MEDIA_FAILED));
        summary.put("Duration", Integer.toString(seconds));
        post(com.mobayilo.calls.DropProtection.CALL_SUMMARY_PATH, summary);
        signals.tryEmitNext(CarrierSignal.dropped(MEDIA_FAILED));
    }

    /** The dialled leg ended: its status callback, then (when the caller is still there) the Dial action. */
    private void end(SimulatedCall call, String status, int seconds, boolean calleeEnded, Sinks.Many<CarrierSignal> signals) {
        call.durationSeconds = seconds;
        status(call, status, Integer.toString(seconds));
        if (calleeEnded && call.dialled.action() != null) {
            var action = new LinkedHashMap<>(base(call));
            action.put("CallStatus", "completed");
            action.put("DialCallSid", call.childSid);
            action.put("DialCallStatus", status);
            action.put("DialCallDuration", Integer.toString(seconds));
            postTo(call.dialled.action(), action);
        }
        call.endedWith = status;
        var reason = calleeEnded && "completed".equals(status) ? "time-limit" : status;
        signals.tryEmitNext(CarrierSignal.disconnected(reason));
    }

    private void status(SimulatedCall call, String status, String duration) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("AccountSid", account.accountSid());
        parameters.put("CallSid", call.childSid);
        parameters.put("ParentCallSid", call.callSid);
        parameters.put("CallStatus", status);
        parameters.put("Direction", "outbound-dial");
        parameters.put("From", "client:" + call.identity);
        parameters.put("To", call.dialled.number());
        parameters.put("Timestamp", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
        parameters.put("SequenceNumber", Integer.toString(switch (status) {
            case "initiated" -> 0;
            case "ringing" -> 1;
            case "in-progress" -> 2;
            default -> 3;
        }));
        if (duration != null) {
            parameters.put("CallDuration", duration);
        }
        postTo(call.dialled.statusCallback(), parameters);
    }

    private Map<String, String> voiceParameters(SimulatedCall call, String to) {
        var parameters = new LinkedHashMap<>(base(call));
        parameters.put("CallStatus", "ringing");
        parameters.put("To", to == null ? "" : to);
        return parameters;
    }

    private Map<String, String> base(SimulatedCall call) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("AccountSid", account.accountSid());
        parameters.put("ApplicationSid", account.twimlAppSid());
        parameters.put("ApiVersion", "2010-04-01");
        parameters.put("CallSid", call.callSid);
        parameters.put("Caller", "client:" + call.identity);
        parameters.put("Direction", "inbound");
        parameters.put("From", "client:" + call.identity);
        return parameters;
    }

    private String post(String path, Map<String, String> parameters) {
        return postTo(webhooks.publicAddress(path), parameters);
    }

    /** Signs for the public URL, as Twilio would, and delivers to this core; the call's thread waits for the answer. */
    private String postTo(String publicAddress, Map<String, String> parameters) {
        return webhooks.post(publicAddress, parameters).block(Duration.ofSeconds(15));
    }

    private boolean waitForHangup(SimulatedCall call, Duration time) {
        var latch = hangups.get(call.callSid);
        try {
            return latch != null && latch.await(time.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * The identity in a voice access token, checked as Twilio checks it: signature, expiry and the TwiML app.
     * Twilio's tokens carry a content type header ({@code twilio-fpa;v=1}), so the payload is read as content
     * and its claims checked here.
     */
    private String identityIn(String accessToken) {
        try {
            var payload = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(account.apiSecret().getBytes(StandardCharsets.UTF_8))).build()
                    .parseSignedContent(accessToken == null ? "" : accessToken).getPayload();
            var claims = JSON.readTree(payload);
            var grants = claims.path("grants");
            var identity = grants.path("identity").asString("");
            var app = grants.path("voice").path("outgoing").path("application_sid").asString("");
            var expired = claims.path("exp").asLong(0) <= clock.instant().getEpochSecond();
            if (identity.isBlank() || expired || !account.twimlAppSid().equals(app)) {
                throw new InvalidAccessToken();
            }
            return identity;
        }
        catch (JwtException | IllegalArgumentException | tools.jackson.core.JacksonException ex) {
            throw new InvalidAccessToken();
        }
    }

    /** The Dial of a TwiML answer, if it has one. */
    static Optional<SimulatedCall.Dialled> dialIn(String twiml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
            var dials = document.getElementsByTagName("Dial");
            if (dials.getLength() == 0) {
                return Optional.empty();
            }
            var dial = (Element) dials.item(0);
            var number = (Element) dial.getElementsByTagName("Number").item(0);
            var limit = dial.getAttribute("timeLimit").isBlank() ? 14_400 : Integer.parseInt(dial.getAttribute("timeLimit"));
            return Optional.of(new SimulatedCall.Dialled(number.getTextContent().strip(), limit, number.getAttribute("statusCallback"),
                    dial.getAttribute("action").isBlank() ? null : dial.getAttribute("action")));
        }
        catch (Exception ex) {
            throw new IllegalStateException("The voice webhook answered TwiML the carrier cannot read", ex);
        }
    }

    private static String digitsOf(String number) {
        var digits = number.replaceAll("\\D", "");
        return digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
    }

    private static String newSid() {
        return SignedWebhooks.newSid("CA");
    }

    /** The access token is missing, forged, expired or not for this app. */
    public static final class InvalidAccessToken extends com.mobayilo.shared.DomainException {

        InvalidAccessToken() {
            super(Kind.FORBIDDEN, "call.sandbox.token");
        }
    }

    /** No such call for this caller. */
    public static final class UnknownSandboxCall extends com.mobayilo.shared.DomainException {

        UnknownSandboxCall() {
            super(Kind.NOT_FOUND, "call.sandbox.unknown");
        }
    }
}
