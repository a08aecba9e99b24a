package com.mobayilo.ui;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A sign-in post without the page's valid token: forged by another site, or sent from a sign-in page left open
 * past its session. Either way nobody is signed in, and the person is sent back to a fresh sign-in page that
 * says to try again, rather than to a bare 403.
 */
final class ExpiredSignInPage {

    static final AccessDeniedHandler HANDLER = (request, response, denied) ->
            new DefaultRedirectStrategy().sendRedirect(request, response, "/login?expired");

    private ExpiredSignInPage() {
    }
}
