package com.mobayilo.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Twilio's Voice Insights REST API (insights.twilio.com) as WireMock plays it, on the same stand-in as {@link TwilioRest}:
 * a call's Summary, shaped like Twilio's (a client call with an SDK edge, {@code properties.disconnected_by}, ISO dates,
 * a 20404 problem before the partial summary exists) and its SDK edge's Events (a page with {@code meta}, ERROR events
 * carrying {@code sdk_edge.error.code}).
 */
final class VoiceInsights {

    private final TwilioRest twilio;

    VoiceInsights(TwilioRest twilio) {
        this.twilio = twilio;
    }

    /** The browser's leg {@code callSid} has a summary in {@code processingState}, saying who hung up. */
    void summarises(String callSid, String processingState, String disconnectedBy) {
        twilio.wireMock().stubFor(get(urlPathEqualTo(summary(callSid))).willReturn(okJson(summaryOf(callSid, processingState, disconnectedBy))));
    }

    /** The first question about {@code callSid} is answered 404 (no summary yet), the next ones with a partial summary. */
    void hasNoSummaryYetThenAPartialOne(String callSid, String disconnectedBy) {
        var scenario = "summary of " + callSid;
        twilio.wireMock().stubFor(get(urlPathEqualTo(summary(callSid))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(notFound(summary(callSid))).willSetStateTo("partial"));
        twilio.wireMock().stubFor(get(urlPathEqualTo(summary(callSid))).inScenario(scenario).whenScenarioStateIs("partial")
                .willReturn(okJson(summaryOf(callSid, "partial", disconnectedBy))));
    }

    /** Every question about {@code callSid} is answered {@code status} with Twilio's error body. */
    void fails(String callSid, int status) {
        twilio.wireMock().stubFor(get(urlPathEqualTo(summary(callSid))).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"code": %d, "message": "Service unavailable", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                        .formatted(status == 429 ? 20429 : 20500, status == 429 ? 20429 : 20500, status))));
    }

    /** The SDK edge of {@code callSid} logged a connection, then one ERROR event per code, then the hang-up. */
    void reportsSdkErrors(String callSid, int... errorCodes) {
        var at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        var events = new ArrayList<String>();
        events.add(event(callSid, at, "connection", "accepted", "INFO", "null"));
        Arrays.stream(errorCodes).forEach(code -> events.add(event(callSid, at.plusSeconds(5), "connection", "error", "ERROR", """
                {"error": {"code": %d, "message": "Media connection failed or Media activity ceased"}}""".formatted(code))));
        events.add(event(callSid, at.plusSeconds(5), "connection", "disconnected-by-local", "INFO", "null"));
        var url = "https://insights.twilio.com" + events(callSid) + "?Edge=sdk_edge&PageSize=50&Page=0";
        twilio.wireMock().stubFor(get(urlPathEqualTo(events(callSid))).withQueryParam("Edge", equalTo("sdk_edge")).willReturn(okJson("""
                {"meta": {"page": 0, "page_size": 50, "first_page_url": "%s", "previous_page_url": null, "url": "%s", "next_page_url": null,
                  "key": "events"},
                 "events": [%s]}""".formatted(url, url, String.join(", ", events)))));
    }

    /** Fails unless the partial summary of {@code callSid} was asked for at least {@code times}, with the API key. */
    void verifyAskedForSummary(String callSid, int times) {
        twilio.wireMock().verify(moreThanOrExactly(times), getRequestedFor(urlPathEqualTo(summary(callSid)))
                .withQueryParam("ProcessingState", equalTo("partial"))
                .withBasicAuth(new BasicCredentials(twilio.account().apiKey(), twilio.account().apiSecret())));
    }

    void verifyNeverAskedAbout(String callSid) {
        twilio.wireMock().verify(exactly(0), getRequestedFor(urlPathEqualTo(summary(callSid))));
        twilio.wireMock().verify(exactly(0), getRequestedFor(urlPathEqualTo(events(callSid))));
    }

    void verifyNoEventsAskedFor(String callSid) {
        twilio.wireMock().verify(exactly(0), getRequestedFor(urlPathEqualTo(events(callSid))));
    }

    private static String summary(String callSid) {
        return "/v1/Voice/" + callSid + "/Summary";
    }

    private static String events(String callSid) {
        return "/v1/Voice/" + callSid + "/Events";
    }

    private static ResponseDefinitionBuilder notFound(String path) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"code": 20404, "message": "The requested resource %s was not found", "more_info": "https://www.twilio.com/docs/errors/20404",
                 "status": 404}""".formatted(path));
    }

    private String summaryOf(String callSid, String processingState, String disconnectedBy) {
        var end = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"account_sid": "%s", "call_sid": "%s", "call_type": "client", "call_state": "completed", "answered_by": "unknown",
                 "processing_state": "%s", "created_time": "%s", "start_time": "%s", "end_time": "%s", "duration": 8, "connect_duration": 5,
                 "from": {"caller": "client:v-7f3a9c", "connection": "twilio_sdk"},
                 "to": {"callee": "+243812345678", "carrier": "Vodacom Congo", "connection": "mobile", "country_code": "CD",
                   "number_prefix": "24381", "location": {"lat": -4.3, "lon": 15.3}},
                 "carrier_edge": null,
                 "client_edge": {"properties": {"media_region": "de1", "signaling_region": "de1", "edge_location": "frankfurt"},
                   "metrics": {"inbound": {"packets_lost": 41, "packets_received": 230}, "outbound": {"packets_sent": 240}}},
                 "sdk_edge": {"properties": {"direction": "outbound", "disconnected_by": "%s", "settings": {"dscp": true, "ice_restart_enabled": false}},
                   "metrics": {"inbound": {"mos": {"average": 2.1, "min": 1.0}, "rtt": {"average": 420.0, "max": 900.0}}},
                   "events": {"levels": {"ERROR": 1, "INFO": 6, "WARNING": 2}, "groups": {"connection": 3, "network-quality-warning-raised": 2}}},
                 "sip_edge": null,
                 "tags": ["high_packet_loss", "high_latency"],
                 "url": "https://insights.twilio.com/v1/Voice/%s/Summary",
                 "attributes": {"conference_participant": false},
                 "properties": {"direction": "inbound", "disconnected_by": "%s", "last_sip_response_num": 200, "pdd_ms": 850, "queue_time": 0},
                 "trust": null, "annotation": null}"""
                .formatted(twilio.account().accountSid(), callSid, processingState, end.minusSeconds(8), end.minusSeconds(8), end, disconnectedBy, callSid,
                        disconnectedBy);
    }

    private String event(String callSid, Instant at, String group, String name, String level, String sdkEdge) {
        return """
                {"timestamp": "%s", "call_sid": "%s", "account_sid": "%s", "edge": "sdk_edge", "group": "%s", "name": "%s", "level": "%s",
                 "sdk_edge": %s, "client_edge": null, "carrier_edge": null, "sip_edge": null}"""
                .formatted(at, callSid, twilio.account().accountSid(), group, name, level, sdkEdge.strip());
    }
}
