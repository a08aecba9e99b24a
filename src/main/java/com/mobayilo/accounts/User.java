package com.mobayilo.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.mobayilo.shared.CountryCode;

/**
 * A person with a Mobayilo login. Their home country is the default region for the phone numbers they type.
 * Until their email is verified they can sign in, but calling and topping up stay locked.
 */
public record User(UserId id, EmailAddress email, String fullName, String passwordHash, CountryCode homeCountry,
        Locale locale, Role role, Instant emailVerifiedAt, Instant createdAt, UUID companyId) {

    static final int LONGEST_NAME = 100;

    public static User register(EmailAddress email, String fullName, String passwordHash, CountryCode homeCountry, Locale locale, Instant now) {
        return new User(UserId.newId(), email, checkedName(fullName), passwordHash, homeCountry, Languages.supported(locale),
                Role.INDIVIDUAL, null, now, null);
    }

    /**
     * A company member: an admin (with a password) or a seat (without one: seats sign in by emailed link only).
     * A member's email counts as verified once they used a link mailed to it.
     */
    public static User member(UUID company, Role role, EmailAddress email, String fullName, String passwordHash, CountryCode country,
            Locale locale, Instant now) {
        if (role != Role.SEAT && role != Role.COMPANY_ADMIN) {
            throw new IllegalArgumentException("Not a company role: " + role);
        }
        return new User(UserId.newId(), email, checkedName(fullName), role == Role.SEAT ? null : passwordHash, country, Languages.supported(locale),
                role, null, now, company);
    }

    /** The company this person belongs to, for seats and company admins. */
    public Optional<UUID> company() {
        return Optional.ofNullable(companyId);
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public User verifyEmail(Instant at) {
        return isEmailVerified() ? this : new User(id, email, fullName, passwordHash, homeCountry, locale, role, at, createdAt, companyId);
    }

    public User changePassword(String newPasswordHash) {
        return new User(id, email, fullName, newPasswordHash, homeCountry, locale, role, emailVerifiedAt, createdAt, companyId);
    }

    public User updateProfile(String newFullName, CountryCode newHomeCountry, Locale newLocale) {
        return new User(id, email, checkedName(newFullName), passwordHash, newHomeCountry, Languages.supported(newLocale), role,
                emailVerifiedAt, createdAt, companyId);
    }

    public User promoteTo(Role newRole) {
        return new User(id, email, fullName, passwordHash, homeCountry, locale, newRole, emailVerifiedAt, createdAt, companyId);
    }

    static String checkedName(String fullName) {
        var name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFullName();
        }
        return name;
    }
}
