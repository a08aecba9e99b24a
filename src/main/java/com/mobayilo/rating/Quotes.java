package com.mobayilo.rating;

import java.util.Optional;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Turns typed or pasted text into a {@link Quote}: parse, rate, check the destination, count the minutes. */
@Service
public class Quotes {

    private final RateDeck deck;

    private final DestinationGuard guard;

    private final CallerReach reach;

    Quotes(RateDeck deck, DestinationGuard guard, CallerReach reach) {
        this.deck = deck;
        this.guard = guard;
        this.reach = reach;
    }

    /** A quote for a signed-in {@code caller}: numbers read in their home country, minutes as {@link CallerReach} counts them. */
    public Mono<Quote> quoteFor(String raw, User caller, Money available) {
        var quote = quote(raw, caller.homeCountry());
        return reach.minutes(caller, available, quote.rate())
                .map(minutes -> new Quote(quote.number(), quote.rate(), quote.blocked(), Optional.of(minutes)));
    }

    /** A quote for {@code raw} read in {@code home} (may be null), without minutes: for anybody. */
    public Quote quote(String raw, CountryCode home) {
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
        return new Quote(number, rate, blocked, Optional.empty());
    }
}
