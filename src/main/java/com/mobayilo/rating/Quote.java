package com.mobayilo.rating;

import java.util.Optional;

/**
 * What a caller sees before dialling: the number as understood, its rate, whether it may be called at all, and
 * (for a signed-in caller) how many whole minutes their available credit buys.
 */
public record Quote(PhoneNumber number, Rate rate, Optional<DestinationBlocked> blocked, Optional<Long> minutes) {
}
