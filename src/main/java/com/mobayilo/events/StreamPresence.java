package com.mobayilo.events;

import java.security.Principal;

import reactor.core.publisher.Mono;

/**
 * Told when someone's event stream opens and closes on this instance, for features that show who is online (a
 * company's seat dashboard). Best effort: a failure here never touches the stream itself.
 */
public interface StreamPresence {

    Mono<Void> opened(Principal principal);

    Mono<Void> closed(Principal principal);
}
