package com.mobayilo.wallet.ui;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.wallet.BalanceChanged;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The signed-in user's {@code balance.changed} events, as they arrive from the core's stream. */
@Component
public class BalanceUpdates {

    private final LiveEvents live;

    private final JsonMapper json;

    BalanceUpdates(LiveEvents live, JsonMapper json) {
        this.live = live;
        this.json = json;
    }

    public Flux<BalanceChanged> of(AccountPrincipal principal) {
        return live.follow(principal.id())
                .filter(event -> BalanceChanged.TYPE.equals(event.type()))
                .map(event -> json.readValue(event.data(), BalanceChanged.class));
    }
}
