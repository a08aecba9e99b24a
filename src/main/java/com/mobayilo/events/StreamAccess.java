package com.mobayilo.events;

import java.security.Principal;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Which streams a principal may follow. Each feature that writes events for people contributes its own
 * (accounts: the user's stream; wallet: their wallet's), so the event module knows no feature.
 */
public interface StreamAccess {

    Mono<Set<String>> streamsFor(Principal principal);
}
