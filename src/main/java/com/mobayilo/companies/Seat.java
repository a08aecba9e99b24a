package com.mobayilo.companies;

import java.time.Instant;
import java.util.Optional;

import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.SeatLimits;

/**
 * A member of a company as its admins manage them: who (name, email, admin or seat), where they stand, and the
 * limits their calls get. Every change returns a new seat; the rules of who may do what live here.
 */
public record Seat(UserId user, CompanyId company, String name, String email, Role role, SeatStatus status, SeatSettings settings,
        Instant createdAt) {

    public static Seat invited(UserId user, CompanyId company, String name, String email, Role role, SeatSettings settings, Instant now) {
        return new Seat(user, company, name, email, role, SeatStatus.INVITED, settings, now);
    }

    /** The company's founder: an admin from the start, calling without caps of their own. */
    public static Seat founder(UserId user, CompanyId company, String name, String email, Instant now) {
        return new Seat(user, company, name, email, Role.COMPANY_ADMIN, SeatStatus.ACTIVE, SeatSettings.UNCAPPED, now);
    }

    public boolean isAdmin() {
        return role == Role.COMPANY_ADMIN;
    }

    public boolean maySignIn() {
        return status.mayCall();
    }

    /** The first sign-in from an emailed link turns an invitation into an active seat. */
    public Seat signedIn() {
        return status == SeatStatus.INVITED ? with(SeatStatus.ACTIVE, settings) : this;
    }

    public Seat withSettings(SeatSettings newSettings) {
        requireNotRemoved();
        return with(status, newSettings);
    }

    public Seat disable(UserId actor) {
        requireNotSelf(actor);
        requireNotRemoved();
        return with(SeatStatus.DISABLED, settings);
    }

    public Seat enable() {
        requireNotRemoved();
        return status == SeatStatus.DISABLED ? with(SeatStatus.ACTIVE, settings) : this;
    }

    /** Removed for good from the company's list; their calls stay in its history and reports. */
    public Seat remove(UserId actor) {
        requireNotSelf(actor);
        return with(SeatStatus.REMOVED, settings);
    }

    /** A removed member invited again comes back with the new settings, as a fresh invitation. */
    public Seat reinvite(String newName, SeatSettings newSettings) {
        return new Seat(user, company, newName, email, role, SeatStatus.INVITED, newSettings, createdAt);
    }

    /** What the voice webhook enforces; the assigned caller ID only if it is still one of the company's verified numbers. */
    public SeatLimits limits(Optional<String> verifiedAssignedCallerId) {
        return new SeatLimits(status.mayCall(), settings.dailyCap(), settings.monthlyCap(), settings.countries(), settings.maxConcurrentCalls(),
                verifiedAssignedCallerId);
    }

    private void requireNotSelf(UserId actor) {
        if (user.equals(actor)) {
            throw new CompanyRefusal.CannotLockOutSelf();
        }
    }

    private void requireNotRemoved() {
        if (status == SeatStatus.REMOVED) {
            throw new CompanyRefusal.SeatNotFound();
        }
    }

    private Seat with(SeatStatus newStatus, SeatSettings newSettings) {
        return new Seat(user, company, name, email, role, newStatus, newSettings, createdAt);
    }
}
