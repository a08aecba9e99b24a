package com.mobayilo.accounts;

import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that revokes them, that some of a person's API keys were revoked, so that event
 * streams opened with those keys end on every instance (the events module announces it on the person's stream;
 * docs/decisions/0022-ending-sessions-and-streams.md).
 */
public interface RevokedKeys {

    Mono<Void> revoked(UserId user);
}
