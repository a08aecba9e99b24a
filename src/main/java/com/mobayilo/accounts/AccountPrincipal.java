package com.mobayilo.accounts;

import java.io.Serializable;
import java.security.Principal;

/** Who is signed in. Kept in the HTTP session, so it holds only what does not change while signed in. */
public record AccountPrincipal(UserId id, String email, Role role) implements Principal, Serializable {

    public static AccountPrincipal of(User user) {
        return new AccountPrincipal(user.id(), user.email().value(), user.role());
    }

    @Override
    public String getName() {
        return email;
    }
}
