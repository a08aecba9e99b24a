package com.mobayilo.accounts;

import reactor.core.publisher.Flux;

/**
 * The UI's side of {@link VerifiedEmails}: one item each time the person's email is verified, from any tab or
 * device. Implemented by the events module, which follows the person's stream.
 */
public interface VerificationNotices {

    Flux<UserId> verifiedOf(UserId user);
}
