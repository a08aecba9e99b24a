package com.mobayilo.calls;

import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Tells who follows a call that it changed, in the transaction that changed it: the caller on their own stream,
 * and for a company member's call the company's admins, on the company stream, with the number masked and the
 * seat named.
 */
@Component
class CallAnnouncements {

    private final EventLog events;

    CallAnnouncements(EventLog events) {
        this.events = events;
    }

    Mono<Void> announce(Call call) {
        var toCaller = events.append(Streams.user(call.caller().value()), CallUpdated.TYPE, CallUpdated.of(call));
        return call.companyOf()
                .map(company -> toCaller.then(events.append(Streams.company(company), CallUpdated.TYPE, CallUpdated.forCompany(call))))
                .orElse(toCaller)
                .then();
    }
}
