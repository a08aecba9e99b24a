package com.mobayilo.accounts;

import java.io.Serializable;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in. Kept in the HTTP session, so it holds only what does not change while signed in: a
 * member's company is theirs for life. {@code credentials} fingerprints the password the session was opened
 * with (a hash of its stored hash), so a session opened before the password changed can be told apart from one
 * opened after, on any instance (docs/decisions/0022-ending-sessions-and-streams.md).
 */
public record AccountPrincipal(UserId id, String email, Role role, UUID companyId, String credentials) implements Principal, Serializable {

    public static AccountPrincipal of(User user) {
        return new AccountPrincipal(user.id(), user.email().value(), user.role(), user.companyId(), credentialsOf(user.passwordHash()));
    }

    /** A fingerprint of a stored password hash; none for people without a password (seats). */
    static String credentialsOf(String passwordHash) {
        return passwordHash == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of("session:" + passwordHash));
    }

    public Optional<UUID> company() {
        return Optional.ofNullable(companyId);
    }

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[id=" + id + ", email=" + email + ", role=" + role + ", companyId=" + companyId + "]";
    }
}
