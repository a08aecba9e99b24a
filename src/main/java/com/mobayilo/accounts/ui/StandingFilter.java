package com.mobayilo.accounts.ui;

import java.io.IOException;
import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.AccountStanding;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import reactor.core.publisher.Flux;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of someone who may no longer act (a disabled or removed seat) at their next request, on
 * whichever instance it lands: sessions live per instance, the standing lives in PostgreSQL. A page request
 * goes to the sign-in page with a notice; a Vaadin request finds its session gone and the client reloads. It runs
 * right after Spring Security's chain, which has put the signed-in person in place.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class StandingFilter extends OncePerRequestFilter {

    private final List<AccountStanding> standing;

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    StandingFilter(List<AccountStanding> standing) {
        this.standing = standing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal && !allowed(principal)) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getParameter("v-r") == null && "GET".equals(request.getMethod())) {
                redirects.sendRedirect(request, response, "/login?disabled");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(AccountPrincipal principal) {
        return Boolean.TRUE.equals(Flux.fromIterable(standing).flatMap(each -> each.allows(principal)).all(Boolean::booleanValue).block());
    }
}
