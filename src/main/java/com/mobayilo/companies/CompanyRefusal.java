package com.mobayilo.companies;

import java.util.Optional;

import com.mobayilo.shared.DomainException;

/** Why a company action was refused; {@link #field()} names the form field it is about, if any. */
public abstract sealed class CompanyRefusal extends DomainException {

    private final String field;

    protected CompanyRefusal(Kind kind, String field, String messageKey, Object... arguments) {
        super(kind, messageKey, arguments);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public static final class InvalidCompanyName extends CompanyRefusal {
        public InvalidCompanyName() {
            super(Kind.INVALID_INPUT, "companyName", "company.name.invalid");
        }
    }

    public static final class InvalidBillingCountry extends CompanyRefusal {
        public InvalidBillingCountry() {
            super(Kind.INVALID_INPUT, "billingCountry", "company.country.invalid");
        }
    }

    /** A limit out of range; the field says which. */
    public static final class InvalidSeatLimit extends CompanyRefusal {
        public InvalidSeatLimit(String field, String messageKey, Object... arguments) {
            super(Kind.INVALID_INPUT, field, messageKey, arguments);
        }
    }

    /** No such seat in the acting admin's company: the same answer whether it exists elsewhere or not at all. */
    public static final class SeatNotFound extends CompanyRefusal {
        public SeatNotFound() {
            super(Kind.NOT_FOUND, null, "company.seat.notFound");
        }
    }

    /** The email already has a Mobayilo account, as an individual or in another company. */
    public static final class EmailTaken extends CompanyRefusal {
        public EmailTaken() {
            super(Kind.CONFLICT, "email", "company.invite.emailTaken");
        }
    }

    /** Only a company's admins manage it. */
    public static final class NotAnAdmin extends CompanyRefusal {
        public NotAnAdmin() {
            super(Kind.FORBIDDEN, null, "company.notAdmin");
        }
    }

    /** An admin may not disable or remove themselves: a company must keep someone who can manage it. */
    public static final class CannotLockOutSelf extends CompanyRefusal {
        public CannotLockOutSelf() {
            super(Kind.CONFLICT, null, "company.seat.self");
        }
    }
}
