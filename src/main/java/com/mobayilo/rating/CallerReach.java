package com.mobayilo.rating;

import com.mobayilo.accounts.User;
import com.mobayilo.shared.Money;
import reactor.core.publisher.Mono;

/**
 * How many whole minutes a signed-in caller can call at a rate now: what their available credit buys, cut by every
 * cap that would stop the call (the daily cap, a seat's caps, the longest call). The calls module answers it, with
 * the same count as the voice webhook's hold, so that a quote, the dialer and the call agree.
 */
public interface CallerReach {

    Mono<Long> minutes(User caller, Money available, Rate rate);
}
