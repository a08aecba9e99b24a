package com.mobayilo.accounts.ui;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Sends a failed sign-in back to the login page saying why: wrong credentials, or throttled and for how long. */
@Component
class SignInFailures implements AuthenticationFailureHandler {

    // Resolves the fixed path against the context path itself, so no part of the request reaches the Location header.
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
        var target = ex instanceof ThrottledSignIn throttled ? "/login?throttled=" + throttled.minutes() : "/login?error";
        redirects.sendRedirect(request, response, target);
    }
}
