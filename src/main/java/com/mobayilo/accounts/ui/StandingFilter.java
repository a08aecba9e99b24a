package com.mobayilo.accounts.ui;

import java.io.IOException;
import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountStanding;
import com.mobayilo.accounts.PasswordSessions;
import com.mobayilo.database.DatabaseUnavailable;
import com.mobayilo.ui.SignedOutNotice;
import com.mobayilo.ui.UiWait;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of someone who may no longer act (a disabled or removed seat), or that was opened with a
 * password since reset or changed elsewhere, at their next request, on whichever instance it lands: sessions live
 * per instance, the standing and the password live in PostgreSQL. A page request goes to the sign-in page with a
 * notice; a Vaadin request finds its session gone and the client reloads. It runs right after Spring Security's
 * chain, which has put the signed-in person in place (docs/decisions/0022-ending-sessions-and-streams.md).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class StandingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StandingFilter.class);

    private final List<AccountStanding> standing;

    private final PasswordSessions passwords;

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    private final RememberedSignIn remembered;

    StandingFilter(List<AccountStanding> standing, PasswordSessions passwords, RememberedSignIn remembered) {
        this.standing = standing;
        this.passwords = passwords;
        this.remembered = remembered;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        // The request as Spring Security's chain wrapped it answers from that chain's own security context; the static
        // holder may belong to another application started in the same JVM (the tests' second instance).
        if (request.getUserPrincipal() instanceof Authentication authentication && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            var refusal = refusal(principal);
            if (refusal != null && signOut(request, response, refusal)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Why this session must end, or null. While the database cannot answer, the question waits for the next request:
     * the request goes on to the view, whose own reads fail and tell the person the service is temporarily unavailable
     * (docs/decisions/0035-behaviour-under-database-faults.md), and nobody can spend or change anything meanwhile.
     */
    private String refusal(AccountPrincipal principal) {
        try {
            return !Boolean.TRUE.equals(passwords.stillCurrent(principal).block(UiWait.CHECK)) ? "passwordChanged" : !allowed(principal) ? "disabled" : null;
        }
        catch (RuntimeException ex) {
            if (DatabaseUnavailable.in(ex).isEmpty()) {
                throw ex;
            }
            log.warn("Standing of {} not checked, the database is unavailable: {}", principal.id(), ex.toString());
            return null;
        }
    }

    /** Ends the session; true when the answer was a redirect to the sign-in page and the request goes no further. */
    private boolean signOut(HttpServletRequest request, HttpServletResponse response, String notice) throws IOException {
        SecurityContextHolder.clearContext();
        // and this browser's remembered sign-in, or the next request would open a session again
        remembered.forget(request, response);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (request.getParameter("v-r") == null && "GET".equals(request.getMethod())) {
            redirects.sendRedirect(request, response, "/login?" + notice);
            return true;
        }
        // a background request has no page to send to the sign-in page: the client reloads, and the reason waits for it
        response.addCookie(SignedOutNotice.remembering(notice));
        return false;
    }

    private boolean allowed(AccountPrincipal principal) {
        return Boolean.TRUE.equals(Flux.fromIterable(standing).flatMap(each -> each.allows(principal)).all(Boolean::booleanValue).block(UiWait.CHECK));
    }
}
