package com.mobayilo.calls;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mobayilo.accounts.User;
import com.mobayilo.calls.twilio.TwilioAccount;
import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.Balance;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;

import org.springframework.r2dbc.core.DatabaseClient;

/** Callers with credit, and webhooks signed exactly as Twilio signs them, for tests. */
public final class Telephony {

    public static final String VOICE_PATH = "/webhooks/twilio/voice";

    private final TestApp app;

    public Telephony(TestApp app) {
        this.app = app;
    }

    /** A verified individual in DR Congo with {@code credit} on their wallet. */
    public User caller(long creditCents) {
        var user = TestUsers.individual(app, "en");
        app.bean(DatabaseClient.class).sql("update users set email_verified_at = now() where id = :id").bind("id", user.id().value()).then().block();
        if (creditCents > 0) {
            var wallet = app.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block();
            app.bean(Ledger.class).credit(wallet.id(), Money.cents(creditCents),
                    JournalEntry.of(TransactionKind.TOP_UP, "TEST", UUID.randomUUID().toString(), "test credit", UUID.randomUUID().toString())).block();
        }
        return user;
    }

    public String identityOf(User user) {
        return app.bean(Callers.class).identityOf(user.id()).block();
    }

    Balance balanceOf(User user) {
        var ledger = app.bean(Ledger.class);
        return ledger.balance(ledger.walletOf(Owner.user(user.id().value())).block().id()).block();
    }

    Call call(String callSid) {
        return app.bean(CallRecords.class).findBySid(callSid).block();
    }

    public static String newSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    public HttpResponse<String> voice(String callSid, User caller, String to) {
        return post(VOICE_PATH, voiceForm(callSid, identityOf(caller), to));
    }

    /** The form Twilio posts when the browser of {@code identity} dials {@code to}. */
    public Map<String, String> voiceForm(String callSid, String identity, String to) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", account().accountSid());
        form.put("ApplicationSid", account().twimlAppSid());
        form.put("CallSid", callSid);
        form.put("From", "client:" + identity);
        form.put("To", to);
        form.put("Direction", "inbound");
        return form;
    }

    /** A status callback of the dialled leg {@code childSid} of {@code callSid}. */
    public HttpResponse<String> status(String callSid, String childSid, String status, Integer duration) {
        var form = new LinkedHashMap<String, String>();
        form.put("CallSid", childSid);
        form.put("ParentCallSid", callSid);
        form.put("CallStatus", status);
        if (duration != null) {
            form.put("CallDuration", duration.toString());
        }
        return post("/webhooks/twilio/status", form);
    }

    HttpResponse<String> dialAction(String callSid, String dialStatus, int duration) {
        var form = new LinkedHashMap<String, String>();
        form.put("CallSid", callSid);
        form.put("CallStatus", "completed");
        form.put("DialCallStatus", dialStatus);
        form.put("DialCallDuration", Integer.toString(duration));
        return post("/webhooks/twilio/status", form);
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, signature(path, form));
    }

    /** The {@code X-Twilio-Signature} Twilio sends with {@code form} posted to {@code path} of the public URL. */
    public String signature(String path, Map<String, String> form) {
        return new TwilioSignatures(account().authToken()).sign(app.coreUrl() + path, form);
    }

    public static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> post(String path, Map<String, String> form, String signature) {
        var request = HttpRequest.newBuilder(URI.create(app.coreUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return Http.send(request.build());
    }

    public TwilioAccount account() {
        return app.bean(TwilioAccount.class);
    }
}
