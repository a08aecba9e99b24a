package com.mobayilo.payments;

import com.mobayilo.shared.DomainException;

/** A purchase of credit that cannot go ahead, and why ({@code topup.invalid.<PROBLEM>}). */
public final class InvalidTopUp extends DomainException {

    private final Problem problem;

    InvalidTopUp(Problem problem, Object... arguments) {
        super(problem == Problem.UNAVAILABLE ? Kind.CONFLICT : Kind.INVALID_INPUT, "topup.invalid." + problem.name(), arguments);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public enum Problem {
        AMOUNT_OUT_OF_RANGE, UNAVAILABLE
    }
}
