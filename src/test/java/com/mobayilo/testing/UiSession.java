package com.mobayilo.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's cookie jar on the UI port, driven with plain HTTP: what a forged cross-site post or a second
 * device does, without a real browser.
 */
public final class UiSession {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private static final Pattern CSRF_PARAMETER_META = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final String uiUrl;

    private String sessionId;

    private UiSession(String uiUrl) {
        this.uiUrl = uiUrl;
    }

    public static UiSession anonymous(TestApp app) {
        return new UiSession(app.uiUrl());
    }

    /** Signs in as the real sign-in page does: it reads the page, then posts the form with the page's token. */
    public static UiSession signedIn(TestApp app, String email, String password) {
        var session = anonymous(app);
        var page = session.get("/login").body();
        var parameter = find(CSRF_PARAMETER_META, page);
        var form = new LinkedHashMap<String, String>();
        form.put("username", email);
        form.put("password", password);
        form.put(parameter, find(CSRF_META, page));
        var response = session.postForm("/login", form);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new AssertionError("Sign-in failed: " + response.statusCode() + " " + response.headers().map());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(uiUrl + path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        var body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(uiUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Whether this cookie jar opens a page that needs a signed-in person, rather than being sent to sign in. */
    public boolean opens(String path) {
        var response = get(path);
        return response.statusCode() == 200;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        var response = Http.send(request.build());
        response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(java.util.regex.Matcher::find)
                .forEach(matcher -> sessionId = matcher.group(1));
        return response;
    }

    private static String find(Pattern pattern, String page) {
        var matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("The sign-in page has no " + pattern);
        }
        return matcher.group(1);
    }
}
