package com.mobayilo.calls;

import com.mobayilo.shared.DomainException;

/** A contact that cannot be saved, and why ({@code contact.invalid.<PROBLEM>}). */
public final class InvalidContact extends DomainException {

    private final Problem problem;

    InvalidContact(Problem problem, Object... arguments) {
        super(problem == Problem.ALREADY_SAVED ? Kind.CONFLICT : Kind.INVALID_INPUT, "contact.invalid." + problem.name(), arguments);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public enum Problem {
        NAME_MISSING, NAME_TOO_LONG, ALREADY_SAVED, TOO_MANY
    }
}
