package com.mobayilo.rating;

/** A deck file with bad lines cannot be previewed or applied; nothing changes. */
public final class InvalidDeck extends RatingRefusal {

    public InvalidDeck(int badLines) {
        super(Kind.INVALID_INPUT, "rating.deck.invalid", badLines);
    }
}
