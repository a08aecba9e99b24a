package com.mobayilo.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.mobayilo.calls.twilio.TwilioAccount;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Twilio's REST API as WireMock plays it: the Calls resource of the app's account, answered with payloads
 * shaped like Twilio's own (a page of calls with its paging fields, RFC 2822 dates, prices as negative
 * decimal strings), and checked to be asked with the account's API key.
 */
final class TwilioRest implements AutoCloseable {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    private TwilioAccount account;

    private TwilioRest() {
        server.start();
    }

    static TwilioRest start() {
        return new TwilioRest();
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The same stand-in, for Twilio's other REST domains (Voice Insights, see {@link VoiceInsights}). */
    WireMockServer wireMock() {
        return server;
    }

    TwilioAccount account() {
        return account;
    }

    /** The account whose calls this Twilio answers for; the sandbox makes its SIDs up at start. */
    void serve(TwilioAccount account) {
        this.account = account;
    }

    /** Twilio lists the dialled leg of {@code parentSid} as {@code status}; duration and price once it has ended. */
    void reportsDialledLeg(String parentSid, String status, Integer seconds, String price) {
        var start = Instant.now().minusSeconds(300);
        var end = seconds == null ? null : start.plusSeconds(seconds);
        var child = call(Telephony.newSid(), parentSid, "outbound-dial", "+15005550006", "+243812345678", status, seconds, price, start, end);
        server.stubFor(get(urlPathEqualTo(calls())).withQueryParam("ParentCallSid", equalTo(parentSid)).willReturn(okJson(page(parentSid, List.of(child)))));
    }

    /** Twilio knows no dialled leg of {@code parentSid}, and the browser's own leg is {@code status}. */
    void reportsNoDialledLeg(String parentSid, String status) {
        server.stubFor(get(urlPathEqualTo(calls())).withQueryParam("ParentCallSid", equalTo(parentSid)).willReturn(okJson(page(parentSid, List.of()))));
        var start = Instant.now().minusSeconds(300);
        var parent = call(parentSid, null, "inbound", "client:v-7f3a9c", "+243812345678", status, 3, null, start, start.plusSeconds(3));
        server.stubFor(get(urlPathEqualTo(call(parentSid))).willReturn(okJson(parent)));
    }

    /** Fails unless the dialled legs of {@code parentSid} were asked for, with Basic auth of the API key and secret. */
    void verifyAskedForDialledLegs(String parentSid) {
        server.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(calls())).withQueryParam("ParentCallSid", equalTo(parentSid))
                .withBasicAuth(new BasicCredentials(account.apiKey(), account.apiSecret())));
    }

    /** Fails unless the browser's leg {@code callSid} itself was fetched, with Basic auth of the API key and secret. */
    void verifyFetched(String callSid) {
        server.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(call(callSid)))
                .withBasicAuth(new BasicCredentials(account.apiKey(), account.apiSecret())));
    }

    private String calls() {
        return "/2010-04-01/Accounts/" + account.accountSid() + "/Calls.json";
    }

    private String call(String sid) {
        return "/2010-04-01/Accounts/" + account.accountSid() + "/Calls/" + sid + ".json";
    }

    private String page(String parentSid, List<String> calls) {
        var uri = calls() + "?ParentCallSid=" + parentSid + "&PageSize=5&Page=0";
        return """
                {"calls": [%s], "start": 0, "end": %d, "page": 0, "page_size": 5, "first_page_uri": "%s", "previous_page_uri": null,
                 "next_page_uri": null, "uri": "%s"}""".formatted(String.join(", ", calls), Math.max(0, calls.size() - 1), uri, uri);
    }

    private String call(String sid, String parentSid, String direction, String from, String to, String status, Integer seconds, String price,
            Instant start, Instant end) {
        var base = call(sid).replace(".json", "");
        return """
                {"sid": "%s", "account_sid": "%s", "parent_call_sid": %s, "api_version": "2010-04-01", "direction": "%s",
                 "from": "%s", "from_formatted": "%s", "to": "%s", "to_formatted": "%s", "status": "%s",
                 "date_created": "%s", "date_updated": "%s", "start_time": "%s", "end_time": %s, "duration": %s,
                 "price": %s, "price_unit": "USD", "answered_by": null, "annotation": null, "caller_name": null, "forwarded_from": null,
                 "group_sid": null, "phone_number_sid": null, "queue_time": "0", "trunk_sid": null, "uri": "%s.json",
                 "subresource_uris": {"notifications": "%s/Notifications.json", "recordings": "%s/Recordings.json",
                   "payments": "%s/Payments.json", "events": "%s/Events.json", "siprec": "%s/Siprec.json", "streams": "%s/Streams.json",
                   "transcriptions": "%s/Transcriptions.json", "user_defined_message_subscriptions": "%s/UserDefinedMessageSubscriptions.json",
                   "user_defined_messages": "%s/UserDefinedMessages.json"}}"""
                .formatted(sid, account.accountSid(), text(parentSid), direction, from, from, to, to, status, date(start), date(end == null ? start : end),
                        date(start), end == null ? "null" : text(date(end)), seconds == null ? "null" : text(seconds.toString()), text(price), base,
                        base, base, base, base, base, base, base, base, base);
    }

    private static String date(Instant instant) {
        return RFC_2822.format(instant);
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }
}
