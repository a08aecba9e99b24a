package com.mobayilo.accounts.ui;

import java.util.List;

import com.mobayilo.accounts.SignIn;
import com.mobayilo.accounts.SignInRefused;
import com.mobayilo.accounts.SignInThrottled;
import com.mobayilo.ui.UiWait;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Connects the login form to {@link SignIn}, which owns the password check and its throttling. */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final SignIn signIn;

    PasswordSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var clientAddress = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        try {
            var principal = signIn.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()), clientAddress).block(UiWait.LIMIT);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                    List.of(new SimpleGrantedAuthority(principal.role().authority())));
        }
        catch (SignInThrottled throttled) {
            throw new ThrottledSignIn(throttled.minutes());
        }
        catch (SignInRefused refused) {
            throw new BadCredentialsException("Wrong email or password");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
