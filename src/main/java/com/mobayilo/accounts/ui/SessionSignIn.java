package com.mobayilo.accounts.ui;

import java.util.List;

import com.mobayilo.accounts.AccountPrincipal;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Signs in the person who just created their account, without a second password prompt. The session id is
 * changed first, exactly as the login form does, so a planted session id is worthless; the sign-in is remembered
 * beyond this replica as the form's is ({@link RememberedSignIn}).
 */
public final class SessionSignIn {

    private SessionSignIn() {
    }

    public static void signIn(AccountPrincipal principal) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var response = VaadinServletResponse.getCurrent().getHttpServletResponse();
        request.changeSessionId();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        // Spring's bean, through Vaadin's instantiator: this is called from views, which hold no reference to it.
        VaadinService.getCurrent().getInstantiator().getOrCreate(RememberedSignIn.class).remember(principal, request, response);
    }
}
