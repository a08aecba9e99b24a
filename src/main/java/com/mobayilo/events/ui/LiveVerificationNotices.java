package com.mobayilo.events.ui;

import com.mobayilo.accounts.UserId;
import com.mobayilo.accounts.VerificationNotices;
import com.mobayilo.events.VerifiedEmailNotices;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/** {@code email.verified} events on the person's stream, as {@link LiveEvents} follows it for the UI. */
@Component
class LiveVerificationNotices implements VerificationNotices {

    private final LiveEvents live;

    LiveVerificationNotices(LiveEvents live) {
        this.live = live;
    }

    @Override
    public Flux<UserId> verifiedOf(UserId user) {
        return live.follow(user).filter(event -> VerifiedEmailNotices.TYPE.equals(event.type())).map(event -> user);
    }
}
