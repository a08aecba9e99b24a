package com.mobayilo.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;

/**
 * Why a session was ended, for the sign-in page that follows. A session ended by a page request goes there with
 * the reason in its address; one ended by a background request (Vaadin's heartbeat or push, say) has no page to
 * redirect, so the reason waits in a short-lived cookie until the client reloads and lands on the sign-in page.
 */
public final class SignedOutNotice {

    static final List<String> REASONS = List.of("verified", "reset", "signedOut", "disabled", "linkSent", "expired", "passwordChanged");

    private static final String COOKIE = "mobayilo-signed-out";

    private SignedOutNotice() {
    }

    /** The cookie that carries {@code reason} to the next sign-in page. */
    public static Cookie remembering(String reason) {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("No sign-in notice " + reason);
        }
        return cookie(reason, 300);
    }

    /** The reason a cookie carried to this request, if any, which it then forgets. */
    static Optional<String> takeFrom(VaadinRequest request, VaadinResponse response) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        var reason = Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue)
                .filter(REASONS::contains).findFirst();
        if (reason.isPresent() && response != null) {
            response.addCookie(cookie("", 0));
        }
        return reason;
    }

    private static Cookie cookie(String value, int maxAgeSeconds) {
        var cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
