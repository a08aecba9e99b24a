package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Headless Debian Chromium driven by Playwright, without Playwright's own browser download. Register it as
 * a static extension: one browser per test class, a fresh context per visitor (cookies, language), and a
 * screenshot of every open page in {@code target/screenshots} when a test fails.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            // a fake microphone, allowed without a prompt, so the dialer can call as it would for a person
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");

    private final List<Page> pages = new ArrayList<>();

    private Playwright playwright;

    private com.microsoft.playwright.Browser chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeFalse(Boolean.getBoolean("mobayilo.skipBrowserTests"), "Browser tests skipped by -DskipBrowserTests");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("mobayilo.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(FLAGS));
    }

    /** A fresh visitor whose browser asks for {@code languageTag} (for example "en-US" or "fr-FR"). */
    public Page visitor(String languageTag) {
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(languageTag)
                .setExtraHTTPHeaders(Map.of("Accept-Language", languageTag))
                .setViewportSize(1280, 860));
        context.setDefaultTimeout(15_000);
        var page = context.newPage();
        pages.add(page);
        return page;
    }

    /**
     * A fresh visitor on a phone: 390×844 CSS pixels at 3× density, touch and a mobile user agent, as the
     * issue's testers used (an iPhone 14 or a mid-range Android held upright).
     */
    public Page phone(String languageTag) {
        var context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(languageTag)
                .setExtraHTTPHeaders(Map.of("Accept-Language", languageTag))
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true)
                .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"));
        context.setDefaultTimeout(15_000);
        var page = context.newPage();
        pages.add(page);
        return page;
    }

    /** Saves what the person sees: target/screenshots/{name}.png. */
    public static void screenshot(Page page, String name) {
        try {
            var directory = Files.createDirectories(Path.of("target", "screenshots"));
            page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true).setTimeout(45_000));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (TimeoutError ex) {
            // A screenshot is a record for people, not a check: a full-page capture that a loaded CI box cannot finish must
            // not fail the test whose assertions all held.
            System.err.printf("Screenshot %s skipped: %s%n", name, ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < pages.size(); i++) {
                screenshot(pages.get(i), "FAILED-" + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName().replaceAll("\\W+", "_") + "-" + i);
            }
        }
        pages.forEach(page -> page.context().close());
        pages.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
