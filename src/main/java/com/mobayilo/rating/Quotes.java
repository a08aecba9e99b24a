package com.mobayilo.rating;

import java.util.Optional;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

import org.springframework.stereotype.Service;

/** Turns typed or pasted text into a {@link Quote}: parse, rate, check the destination, count the minutes. */
@Service
public class Quotes {

    private final RateDeck deck;

    private final DestinationGuard guard;

    Quotes(RateDeck deck, DestinationGuard guard) {
        this.deck = deck;
        this.guard = guard;
    }

    /** A quote for {@code raw}; {@code available} is the caller's available credit, if signed in. */
    public Quote quote(String raw, CountryCode home, Optional<Money> available) {
        var number = PhoneNumber.parse(raw, home);
        var rate = deck.rateFor(number);
        Optional<DestinationBlocked> blocked;
        try {
            guard.checkDestination(number);
            blocked = Optional.empty();
        }
        catch (DestinationBlocked refused) {
            blocked = Optional.of(refused);
        }
        return new Quote(number, rate, blocked, available.map(rate::minutesFor));
    }
}
