package com.mobayilo.accounts.ui;

import java.util.Arrays;
import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.SignInTokens;
import com.mobayilo.database.DatabaseUnavailable;
import com.mobayilo.ui.RememberMeKey;
import com.mobayilo.ui.UiWait;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a browser signed in when the replica holding its web session goes away (a deploy, a scale-down, a crash): the
 * next request, wherever it lands, finds no session but a {@value #COOKIE} cookie, and Spring Security's remember-me
 * filter signs the person in again from {@link SignInTokens}, on the same page. The cookie lasts as long as the
 * browser session (no {@code Max-Age}), is HTTP-only and {@code SameSite=Lax}; every revocation that ends a web
 * session ends it too (docs/decisions/0038-sign-ins-that-survive-a-replica.md).
 */
@Component
public class RememberedSignIn implements RememberMeServices, LogoutHandler {

    static final String COOKIE = "MOBAYILO_SIGN_IN";

    private static final Logger log = LoggerFactory.getLogger(RememberedSignIn.class);

    private final SignInTokens tokens;

    RememberedSignIn(SignInTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        var cookie = cookie(request);
        if (cookie == null) {
            return null;
        }
        try {
            var redeemed = tokens.redeem(cookie).blockOptional(UiWait.CHECK);
            if (redeemed.isEmpty()) {
                clear(request, response);
                return null;
            }
            redeemed.get().next().ifPresent(next -> write(request, response, next));
            return authenticated(redeemed.get().principal());
        }
        catch (RuntimeException ex) {
            if (DatabaseUnavailable.in(ex).isEmpty()) {
                throw ex;
            }
            // The cookie stays: the next request tries again once the database answers.
            log.warn("Sign-in cookie not checked, the database is unavailable: {}", ex.toString());
            return null;
        }
    }

    @Override
    public void loginFail(HttpServletRequest request, HttpServletResponse response) {
        forget(request, response);
    }

    @Override
    public void loginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            remember(principal, request, response);
        }
    }

    /** Starts a sign-in that outlives this replica, for a session just signed in (form, link, sign-up, new password). */
    public void remember(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        var previous = cookie(request);
        if (previous != null) {
            tokens.end(previous).block(UiWait.LIMIT);
        }
        write(request, response, tokens.issue(principal).block(UiWait.LIMIT));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        forget(request, response);
    }

    /** Ends this browser's sign-in: signing out, or a session that may no longer go on. */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        var cookie = cookie(request);
        if (cookie != null) {
            try {
                tokens.end(cookie).block(UiWait.LIMIT);
            }
            catch (RuntimeException ex) {
                log.warn("Could not end a sign-in series: {}", ex.toString());
            }
        }
        clear(request, response);
    }

    private static Authentication authenticated(AccountPrincipal principal) {
        return new RememberMeAuthenticationToken(RememberMeKey.VALUE, principal, List.of(new SimpleGrantedAuthority(principal.role().authority())));
    }

    private static String cookie(HttpServletRequest request) {
        return request.getCookies() == null ? null
                : Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue).findFirst().orElse(null);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .build().toString());
    }

    private static void clear(HttpServletRequest request, HttpServletResponse response) {
        if (cookie(request) != null) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, "").path("/").httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                    .maxAge(0).build().toString());
        }
    }
}
