package com.mobayilo.accounts;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in. Kept in the HTTP session, so it holds only what does not change while signed in: a
 * member's company is theirs for life.
 */
public record AccountPrincipal(UserId id, String email, Role role, UUID companyId) implements Principal, Serializable {

    public static AccountPrincipal of(User user) {
        return new AccountPrincipal(user.id(), user.email().value(), user.role(), user.companyId());
    }

    public Optional<UUID> company() {
        return Optional.ofNullable(companyId);
    }

    @Override
    public String getName() {
        return email;
    }
}
