package com.mobayilo.accounts;

import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that verifies it, that a person's email is now verified, so that every tab they have
 * open drops its "Confirm your email" banner at once, on whichever instance it is (the events module announces it
 * on the person's stream as {@code email.verified}).
 */
public interface VerifiedEmails {

    Mono<Void> verified(UserId user);
}
