package com.mobayilo.events;

import java.util.Map;

import com.mobayilo.accounts.RevokedKeys;
import com.mobayilo.accounts.UserId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Announces revoked keys on their owner's stream, in the revoking transaction, so that every instance's hub hands
 * the notice to that person's open streams right after commit (NOTIFY, or the hub's safety read). Each stream then
 * checks its own key again and ends if it no longer opens it; clients never see the notice itself
 * (docs/decisions/0022-ending-sessions-and-streams.md).
 */
@Component
public class RevokedKeyNotices implements RevokedKeys {

    public static final String TYPE = "keys.revoked";

    private final EventLog log;

    RevokedKeyNotices(EventLog log) {
        this.log = log;
    }

    @Override
    public Mono<Void> revoked(UserId user) {
        return log.append(Streams.user(user.value()), TYPE, Map.of()).then();
    }
}
