package com.mobayilo.calls;

import com.mobayilo.accounts.User;
import reactor.core.publisher.Mono;

/**
 * The limits a company puts on one of its members' calls; implemented by the companies feature, so calls
 * knows no company. Empty for someone who is not a company member.
 */
public interface CallerLimits {

    Mono<SeatLimits> limitsOf(User member);
}
