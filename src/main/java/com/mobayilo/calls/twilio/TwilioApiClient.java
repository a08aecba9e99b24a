package com.mobayilo.calls.twilio;

import java.net.URI;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Sends the SDK's requests to another base URL, keeping path, query, form and authentication: lets tests and
 * staging point the Twilio SDK at a stand-in ({@code mobayilo.twilio.api-base-url}) without changing any call.
 */
final class TwilioApiClient extends HttpClient {

    private final URI base;

    private final NetworkHttpClient network = new NetworkHttpClient();

    TwilioApiClient(String baseUrl) {
        this.base = URI.create(baseUrl.replaceAll("/+$", ""));
    }

    @Override
    public Response makeRequest(Request request) {
        var original = request.constructURL();
        var redirected = new Request(request.getMethod(), base + original.getPath());
        request.getQueryParams().forEach((name, values) -> values.forEach(value -> redirected.addQueryParam(name, value)));
        request.getPostParams().forEach((name, values) -> values.forEach(value -> redirected.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> redirected.addHeaderParam(name, value)));
        if (request.getAuthStrategy() != null) {
            redirected.setAuth(request.getAuthStrategy());
        }
        else if (request.getUsername() != null) {
            redirected.setAuth(request.getUsername(), request.getPassword());
        }
        return network.makeRequest(redirected);
    }
}
