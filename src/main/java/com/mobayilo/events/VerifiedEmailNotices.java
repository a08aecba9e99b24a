package com.mobayilo.events;

import java.util.Map;

import com.mobayilo.accounts.UserId;
import com.mobayilo.accounts.VerifiedEmails;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Announces a verified email on its owner's stream as {@code email.verified}, in the verifying transaction. */
@Component
public class VerifiedEmailNotices implements VerifiedEmails {

    public static final String TYPE = "email.verified";

    private final EventLog log;

    VerifiedEmailNotices(EventLog log) {
        this.log = log;
    }

    @Override
    public Mono<Void> verified(UserId user) {
        return log.append(Streams.user(user.value()), TYPE, Map.of()).then();
    }
}
