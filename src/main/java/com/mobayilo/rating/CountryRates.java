package com.mobayilo.rating;

import java.util.Optional;

import com.mobayilo.shared.CountryCode;

/** What calling a country costs per minute: to a typical landline and to a typical mobile. */
public record CountryRates(CountryCode country, Optional<Rate> landline, Optional<Rate> mobile) {

    static CountryRates of(CountryCode country, RateDeck deck) {
        return new CountryRates(country, rateOf(country, NumberType.FIXED_LINE, deck), rateOf(country, NumberType.MOBILE, deck));
    }

    private static Optional<Rate> rateOf(CountryCode country, NumberType type, RateDeck deck) {
        return PhoneNumber.example(country, type).flatMap(number -> {
            try {
                return Optional.of(deck.rateFor(number));
            }
            catch (NoRate none) {
                return Optional.empty();
            }
        });
    }
}
