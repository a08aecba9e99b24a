package com.mobayilo.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * One page load as the network saw it, read from Chromium's DevTools protocol: every request the page made until
 * the network was quiet (Playwright's "network idle", 500 ms with no request in flight), with the bytes each
 * response took on the wire (Chromium's {@code encodedDataLength}: headers and body as transferred, so after any
 * compression), and the time from the start of the navigation to the page being usable.
 */
record PageLoad(double millisToUsable, List<Response> responses) {

    /** One response: its path (query left out), the bytes it took on the wire, its type and its compression. */
    record Response(String path, long bytes, String type, String encoding) {
    }

    /** Loads {@code url} in {@code page}, which must have an empty cache, and waits for {@code usable}. */
    static PageLoad of(Page page, String url, Runnable usable) {
        var cdp = page.context().newCDPSession(page);
        var urls = new HashMap<String, String>();
        var bytes = new HashMap<String, Long>();
        // A redirect keeps its request's id: one request per id, counted at its final address.
        cdp.on("Network.requestWillBeSent", event -> urls.put(event.get("requestId").getAsString(),
                event.getAsJsonObject("request").get("url").getAsString()));
        var types = new HashMap<String, String>();
        var encodings = new HashMap<String, String>();
        cdp.on("Network.responseReceived", event -> {
            var response = event.getAsJsonObject("response");
            types.put(event.get("requestId").getAsString(), response.get("mimeType").getAsString());
            response.getAsJsonObject("headers").entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("content-encoding"))
                    .forEach(header -> encodings.put(event.get("requestId").getAsString(), header.getValue().getAsString()));
        });
        cdp.on("Network.loadingFinished", event -> bytes.merge(event.get("requestId").getAsString(),
                (long) event.get("encodedDataLength").getAsDouble(), Long::sum));
        cdp.send("Network.enable");
        // Nothing may come from a cache: what a person's phone downloads on its first visit.
        cdp.send("Network.clearBrowserCache");
        var disabled = new JsonObject();
        disabled.addProperty("cacheDisabled", true);
        cdp.send("Network.setCacheDisabled", disabled);
        var started = System.nanoTime();
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        usable.run();
        var millis = (System.nanoTime() - started) / 1e6;
        page.waitForLoadState(LoadState.NETWORKIDLE);
        cdp.detach();
        var responses = urls.entrySet().stream()
                .filter(request -> request.getValue().startsWith("http"))
                .map(request -> new Response(path(request.getValue()), bytes.getOrDefault(request.getKey(), 0L),
                        types.getOrDefault(request.getKey(), "?"), encodings.getOrDefault(request.getKey(), "none")))
                .sorted(Comparator.comparingLong(Response::bytes).reversed())
                .toList();
        return new PageLoad(millis, responses);
    }

    int requests() {
        return responses.size();
    }

    double kibibytes() {
        return responses.stream().mapToLong(Response::bytes).sum() / 1024.0;
    }

    private static String path(String url) {
        var path = url.replaceFirst("^https?://[^/]+", "");
        var query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
