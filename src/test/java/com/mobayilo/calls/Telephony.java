package com.mobayilo.calls;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.twilio.TwilioAccount;
import com.mobayilo.calls.twilio.TwilioSignatures;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.Rate;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestUsers;
import com.mobayilo.wallet.Balance;
import com.mobayilo.wallet.HoldId;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.LedgerCheck;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import com.mobayilo.wallet.WalletId;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** How the ledger settled a call: its holds as {@code STATUS:captured cents}, and the call charges booked for it. */
    Settlement settlementOf(String callSid) {
        var db = app.bean(DatabaseClient.class);
        var holds = db.sql("select status || ':' || coalesce(captured_cents, 0) as hold from holds where reference = :sid").bind("sid", callSid)
                .map(row -> row.get("hold", String.class)).all().collectList().block();
        var charges = db.sql("select count(*) as charges from journal_transactions where kind = 'CALL_CHARGE' and source_ref = :sid")
                .bind("sid", callSid).map(row -> row.get("charges", Long.class)).one().block();
        return new Settlement(holds, charges);
    }

    record Settlement(List<String> holds, long charges) {
    }

    /** Fails unless the ledger check finds the whole ledger consistent. */
    void assertLedgerConsistent() {
        var report = app.bean(LedgerCheck.class).run().block();
        assertThat(report.isConsistent()).as(report.toString()).isTrue();
    }

    Call call(String callSid) {
        return app.bean(CallRecords.class).findBySid(callSid).block();
    }

    /** A call cleared to ring to +243 81 234 5678 at 22 credits a minute, with {@code minutes} held; no app needed. */
    static Call connecting(int minutes) {
        var number = PhoneNumber.parse("+243812345678", CountryCode.of("CD"));
        var rate = new Rate("24381", number.country(), "DR Congo mobile", Money.cents(22), Rate.ALWAYS);
        return Call.connecting(newSid(), UserId.newId(), WalletId.newId(), number, rate, minutes, HoldId.newId(), "+15005550006",
                Instant.parse("2026-11-24T12:00:00Z"));
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

    /** The caller ID the voice webhook's {@code Dial} shows on this caller's next call (which then goes unanswered). */
    String callerIdOfNextCall(User caller) {
        var callSid = newSid();
        var dial = TwimlDocument.parse(voice(callSid, caller, "+243812345678").body()).dial();
        dialAction(callSid, "no-answer", 0);
        return dial == null ? null : dial.getAttribute("callerId");
    }

    /** Twilio's status callback for a caller ID verification call, to the {@code StatusCallback} Mobayilo gave it. */
    HttpResponse<String> verificationCallback(String statusCallback, String number, String verificationStatus) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", account().accountSid());
        form.put("CallSid", newSid());
        form.put("CallStatus", "completed");
        form.put("To", number);
        form.put("VerificationStatus", verificationStatus);
        if ("success".equals(verificationStatus)) {
            form.put("OutgoingCallerIdSid", "PN" + UUID.randomUUID().toString().replace("-", ""));
        }
        return post(statusCallback.substring(app.coreUrl().length()), form);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
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

    /** The browser's request that places a call with the simulated carrier waits {@code millis} (forever if negative). */
    public static void delayCarrier(Page page, int millis) {
        page.addInitScript("""
                (() => {
                  const send = window.fetch.bind(window);
                  window.fetch = (url, options) => {
                    const placing = String(url).endsWith('/sandbox/carrier/calls') && options && options.method === 'POST';
                    if (!placing) return send(url, options);
                    return new Promise(resolve => { if (%d >= 0) setTimeout(resolve, %d); }).then(() => send(url, options));
                  };
                })();""".formatted(millis, millis));
    }
}
