package com.mobayilo.calls.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mobayilo.calls.CallerIdCarrier;
import com.mobayilo.calls.CallerIdRefusal;
import com.mobayilo.calls.twilio.TwilioAccount;
import com.mobayilo.rating.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sandbox's outgoing caller ID validation (docs/decisions/0014-caller-id.md). Like Twilio it answers with a
 * six-digit code and "calls" the number; the ringing phone is a panel on the caller ID page, where the person
 * types the code. The carrier compares it and posts the same signed status callback as Twilio
 * ({@code VerificationStatus} {@code success} or {@code failed}) to the same webhook. A call nobody answers
 * fails after {@code mobayilo.sandbox.carrier.validation-ringing}; a number verified before is refused like
 * Twilio's error 21450. Calls live in memory, as the sandbox's calls do.
 */
@Component
public class SandboxCallerIds {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallerIds.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwilioAccount account;

    private final SignedWebhooks webhooks;

    private final Duration ringing;

    private final Map<String, VerificationCall> calls = new ConcurrentHashMap<>();

    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    SandboxCallerIds(TwilioAccount account, SignedWebhooks webhooks, @Value("${mobayilo.sandbox.carrier.validation-ringing:PT2M}") Duration ringing) {
        this.account = account;
        this.webhooks = webhooks;
        this.ringing = ringing;
    }

    /** See {@link CallerIdCarrier#requestValidation}. */
    public Mono<CallerIdCarrier.Validation> requestValidation(PhoneNumber number, String friendlyName, String statusCallback) {
        return Mono.fromCallable(() -> {
            if (verified.contains(number.e164())) {
                throw new CallerIdRefusal.CallRefused(CallerIdRefusal.Reason.ALREADY_REGISTERED);
            }
            var call = new VerificationCall(SignedWebhooks.newSid("CA"), number.e164(), "%06d".formatted(RANDOM.nextInt(1_000_000)), statusCallback);
            calls.put(call.callSid(), call);
            Mono.delay(ringing).subscribe(elapsed -> end(call.callSid(), false));
            return new CallerIdCarrier.Validation(call.callSid(), call.code());
        });
    }

    /** Whether the sandbox phone is ringing for this verification call, waiting for its code. */
    public boolean isRinging(String callSid) {
        return callSid != null && calls.containsKey(callSid);
    }

    /** The person typed {@code digits} on the ringing phone: the call ends and its outcome is posted. */
    public void keypad(String callSid, String digits) {
        var call = calls.get(callSid);
        if (call == null) {
            throw new SandboxCarrier.UnknownSandboxCall();
        }
        end(callSid, digits != null && call.code().equals(digits.strip()));
    }

    private void end(String callSid, boolean confirmed) {
        var call = calls.remove(callSid);
        if (call == null) {
            return;
        }
        if (confirmed) {
            verified.add(call.number());
        }
        webhooks.post(call.statusCallback(), callback(call, confirmed)).subscribe(
                answer -> log.info("Sandbox verification call {} to {} ended: {}", callSid, call.number(), confirmed ? "success" : "failed"),
                error -> log.warn("The status callback of sandbox verification call {} failed: {}", callSid, error.toString()));
    }

    private Map<String, String> callback(VerificationCall call, boolean confirmed) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("AccountSid", account.accountSid());
        parameters.put("ApiVersion", "2010-04-01");
        parameters.put("CallSid", call.callSid());
        parameters.put("CallStatus", "completed");
        parameters.put("Direction", "outbound-api");
        parameters.put("From", account.number());
        parameters.put("To", call.number());
        parameters.put("Called", call.number());
        parameters.put("VerificationStatus", confirmed ? "success" : "failed");
        if (confirmed) {
            parameters.put("OutgoingCallerIdSid", SignedWebhooks.newSid("PN"));
        }
        return parameters;
    }

    private record VerificationCall(String callSid, String number, String code, String statusCallback) {
    }
}
