package com.mobayilo.calls.twilio;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;

import com.mobayilo.calls.CallerIdDefault;
import com.mobayilo.sandbox.Placeholders;
import com.mobayilo.sandbox.SandboxMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Twilio account Mobayilo works with. Live when {@code TWILIO_ACCOUNT_SID} is set; otherwise the sandbox
 * carrier stands in for Twilio with credentials made up at start (the auth token from the environment when
 * given), so signatures and tokens are real and checked in every mode.
 */
@Component
public class TwilioAccount implements CallerIdDefault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean live;

    private final String accountSid;

    private final String authToken;

    private final String apiKey;

    private final String apiSecret;

    private final String twimlAppSid;

    private final String callerId;

    TwilioAccount(SandboxMode sandbox, @Value("${TWILIO_ACCOUNT_SID:}") String accountSid, @Value("${TWILIO_AUTH_TOKEN:}") String authToken,
            @Value("${TWILIO_API_KEY:}") String apiKey, @Value("${TWILIO_API_SECRET:}") String apiSecret,
            @Value("${TWILIO_TWIML_APP_SID:}") String twimlAppSid, @Value("${TWILIO_CALLER_ID:}") String callerId) {
        this.live = !sandbox.simulatesCalls();
        if (live && (authToken.isBlank() || apiKey.isBlank() || apiSecret.isBlank() || twimlAppSid.isBlank() || callerId.isBlank())) {
            throw new IllegalStateException("TWILIO_ACCOUNT_SID is set, so TWILIO_AUTH_TOKEN, TWILIO_API_KEY, TWILIO_API_SECRET, "
                    + "TWILIO_TWIML_APP_SID and TWILIO_CALLER_ID are needed too");
        }
        if (live) {
            var settings = new LinkedHashMap<String, String>();
            settings.put("TWILIO_ACCOUNT_SID", accountSid);
            settings.put("TWILIO_AUTH_TOKEN", authToken);
            settings.put("TWILIO_API_KEY", apiKey);
            settings.put("TWILIO_API_SECRET", apiSecret);
            settings.put("TWILIO_TWIML_APP_SID", twimlAppSid);
            Placeholders.refuseIn("Twilio", "TWILIO_ACCOUNT_SID", settings);
        }
        this.accountSid = live ? accountSid : "AC" + random(16);
        this.authToken = authToken.isBlank() ? random(16) : authToken;
        this.apiKey = live ? apiKey : "SK" + random(16);
        this.apiSecret = live ? apiSecret : random(32);
        this.twimlAppSid = live ? twimlAppSid : "AP" + random(16);
        this.callerId = callerId.isBlank() ? "+15005550006" : callerId;
    }

    public boolean isLive() {
        return live;
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiSecret() {
        return apiSecret;
    }

    public String twimlAppSid() {
        return twimlAppSid;
    }

    @Override
    public String number() {
        return callerId;
    }

    private static String random(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
