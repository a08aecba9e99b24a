package com.mobayilo.rating;

/** No row of the deck matches the number: a clear refusal, never a free call. */
public final class NoRate extends RatingRefusal {

    public NoRate(PhoneNumber number) {
        super(Kind.NOT_FOUND, "rating.norate", number.international());
    }
}
