package com.mobayilo.payments;

import com.mobayilo.shared.DomainException;

/** Auto-recharge settings that cannot be saved, and why ({@code autorecharge.invalid.<PROBLEM>}). */
public final class InvalidAutoRecharge extends DomainException {

    private final Problem problem;

    InvalidAutoRecharge(Problem problem, Object... arguments) {
        super(Kind.INVALID_INPUT, "autorecharge.invalid." + problem.name(), arguments);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public enum Problem {
        THRESHOLD, CEILING
    }
}
