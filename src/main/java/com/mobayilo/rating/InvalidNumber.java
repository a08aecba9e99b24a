package com.mobayilo.rating;

/** A typed or pasted number that is not a callable phone number, and why. */
public final class InvalidNumber extends RatingRefusal {

    /** The problem, named for the person who typed the number. */
    public enum Problem {
        EMPTY, NOT_A_NUMBER, UNKNOWN_COUNTRY_CODE, TOO_SHORT, TOO_LONG, INVALID_LENGTH, NOT_IN_USE, NEEDS_COUNTRY_CODE
    }

    private final Problem problem;

    public InvalidNumber(Problem problem) {
        super(Kind.INVALID_INPUT, "rating.number." + problem.name());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
