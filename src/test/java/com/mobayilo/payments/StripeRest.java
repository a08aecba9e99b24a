package com.mobayilo.payments;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mobayilo.payments.stripe.StripeJson;
import com.mobayilo.testing.Http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stripe's REST API as WireMock plays it, answering what Mobayilo asks with payloads shaped like Stripe's own:
 * Checkout Sessions are created from the form Stripe receives (a new id each, echoing amount, metadata and
 * URLs), payment intents are retrieved, and {@code GET /v1/events} lists the events Stripe holds, newest first,
 * filtered by {@code created[gte]} and {@code types[]} and paged with {@code starting_after} and {@code has_more}.
 */
final class StripeRest implements AutoCloseable {

    private static final String SESSIONS = "/v1/checkout/sessions";

    private static final String EVENTS = "/v1/events";

    private static final String PAYMENT_INTENTS = "/v1/payment_intents";

    /** Fewer than the 100 asked for, which the API allows, so that paging is exercised with few events. */
    private static final int EVENTS_PER_PAGE = 2;

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new SessionCreation(), new EventList(events)));

    private StripeRest() {
        server.start();
        reset();
    }

    static StripeRest start() {
        return new StripeRest();
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Forgets every request and event, and answers as a healthy Stripe again. */
    void reset() {
        server.resetAll();
        events.clear();
        server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withTransformers(SessionCreation.NAME)));
        server.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(aResponse().withTransformers(EventList.NAME)));
    }

    /** Stripe answers session creation with {@code status} and an error of {@code type}. */
    void failsSessionsWith(int status, String type, String code, String message) {
        server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_Qx1a2B3c4D5e6F").withBody(StripeJson.error(type, code, message))));
    }

    /** The connection to Stripe breaks before any answer. */
    void dropsSessionRequests() {
        server.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Stripe retrieves {@code intent} with {@code charge} as its latest charge, expanded (tests check it was asked for). */
    void knowsPaymentIntent(String intent, String topUp, long amount, String charge) {
        server.stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).willReturn(okJson(StripeJson.paymentIntent(intent, topUp, amount, charge))));
    }

    /** Stripe confirms off-session charges of saved cards, as payment intent {@code intent}. */
    void chargesSavedCards(String intent) {
        server.stubFor(post(urlPathEqualTo(PAYMENT_INTENTS)).willReturn(okJson(StripeJson.paymentIntent(intent, null, 1_000, "ch_3QxAuto"))));
    }

    /** The bank refuses off-session charges with {@code code}, as a 402 card error. */
    void refusesSavedCards(String code) {
        server.stubFor(post(urlPathEqualTo(PAYMENT_INTENTS)).willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                .withBody(StripeJson.error("card_error", code, "Your card was declined."))));
    }

    /** Every payment intent creation Stripe received, each as its decoded form. */
    List<Form> paymentIntentRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PAYMENT_INTENTS))).stream().map(Form::of).toList();
    }

    /** An event Stripe holds (a full event JSON), listed by {@code GET /v1/events} from now on. */
    void holds(String event) {
        events.add(event);
    }

    /** Every Checkout Session creation Stripe received, each as its decoded form. */
    List<Form> sessionRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(SESSIONS))).stream().map(Form::of).toList();
    }

    /** Every {@code GET /v1/events}, each as its decoded query. */
    List<Form> eventListRequests() {
        return queries(EVENTS);
    }

    /** Every GET of {@code path}, each as its decoded query. */
    List<Form> queries(String path) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path))).stream().map(Form::ofQuery).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A request's parameters, in Stripe's bracket notation ({@code metadata[top_up]}), and the headers that matter. */
    record Form(Map<String, List<String>> fields, String authorization, String idempotencyKey) {

        static Form of(LoggedRequest request) {
            return decode(request.getBodyAsString(), request.getHeader("Authorization"), request.getHeader("Idempotency-Key"));
        }

        static Form ofQuery(LoggedRequest request) {
            var url = request.getUrl();
            return decode(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "", request.getHeader("Authorization"), null);
        }

        static Form decode(String encoded, String authorization, String idempotencyKey) {
            var fields = new LinkedHashMap<String, List<String>>();
            Arrays.stream(encoded.split("&")).filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                    .forEach(pair -> fields.computeIfAbsent(decoded(pair[0]), key -> new ArrayList<>()).add(pair.length > 1 ? decoded(pair[1]) : ""));
            return new Form(fields, authorization, idempotencyKey);
        }

        String get(String field) {
            var values = fields.get(field);
            return values == null ? null : values.getFirst();
        }

        /** The values of a list parameter, {@code types[0]}, {@code types[1]} … */
        List<String> list(String field) {
            return fields.entrySet().stream().filter(entry -> entry.getKey().matches(java.util.regex.Pattern.quote(field) + "\\[\\d+\\]"))
                    .map(entry -> entry.getValue().getFirst()).toList();
        }

        private static String decoded(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** Plays Stripe only for the stubs that name it. */
    private interface StubTransformer extends ResponseDefinitionTransformerV2 {

        @Override
        default boolean applyGlobally() {
            return false;
        }
    }

    private static ResponseDefinition json(String body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + StripeJson.newId("x").substring(3)).withBody(body).build();
    }

    /** Creates a session from the form, as Stripe does: a new id, and the amount, metadata and URLs it was given. */
    private static final class SessionCreation implements StubTransformer {

        static final String NAME = "stripe-checkout-session";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var form = Form.of(serveEvent.getRequest());
            var session = StripeJson.openSession(StripeJson.newId("cs_test"), form.get("metadata[top_up]"), form.get("client_reference_id"),
                    Long.parseLong(form.get("line_items[0][price_data][unit_amount]")), form.get("line_items[0][price_data][currency]"),
                    form.get("customer_email"), form.get("success_url"), form.get("cancel_url"));
            return json(session);
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Lists the held events as Stripe does: newest first, created since {@code created[gte]}, of {@code types[]}, a page at a time. */
    private record EventList(List<String> events) implements StubTransformer {

        static final String NAME = "stripe-event-list";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var query = Form.ofQuery(serveEvent.getRequest());
            var since = query.get("created[gte]") == null ? 0 : Long.parseLong(query.get("created[gte]"));
            var types = query.list("types");
            // newest first; among events of the same second, the one held last counts as the newer, as Stripe orders them
            var matching = events.reversed().stream().map(Http::json)
                    .filter(event -> event.path("created").asLong() >= since)
                    .filter(event -> types.isEmpty() || types.contains(event.path("type").asString()))
                    .sorted(Comparator.comparingLong(event -> -event.path("created").asLong()))
                    .toList();
            var start = 0;
            if (query.get("starting_after") != null) {
                var after = matching.stream().map(event -> event.path("id").asString()).toList().indexOf(query.get("starting_after"));
                start = after + 1;
            }
            var page = matching.subList(Math.min(start, matching.size()), Math.min(start + EVENTS_PER_PAGE, matching.size()));
            var body = StripeJson.list(EVENTS, page.stream().map(Object::toString).toList(), start + EVENTS_PER_PAGE < matching.size());
            return json(body);
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
