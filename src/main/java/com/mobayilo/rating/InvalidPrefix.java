package com.mobayilo.rating;

public final class InvalidPrefix extends RatingRefusal {

    public InvalidPrefix(String prefix) {
        super(Kind.INVALID_INPUT, "rating.prefix.invalid", prefix);
    }
}
