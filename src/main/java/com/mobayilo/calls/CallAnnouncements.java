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

    private final CallRecords records;

    CallAnnouncements(EventLog events, CallRecords records) {
        this.events = events;
        this.records = records;
    }

    /** Records a new call and tells its caller in the same statement; a company's admins are told by a second. */
    Mono<Call> record(Call call) {
        return records.insertAnnounced(call, Streams.user(call.caller().value()), events.payloadOf(CallUpdated.of(call)))
                .flatMap(events::appended)
                .then(toCompany(call))
                .thenReturn(call);
    }

    Mono<Void> announce(Call call) {
        return events.append(Streams.user(call.caller().value()), CallUpdated.TYPE, CallUpdated.of(call)).then(toCompany(call));
    }

    private Mono<Void> toCompany(Call call) {
        return call.companyOf()
                .map(company -> events.append(Streams.company(company), CallUpdated.TYPE, CallUpdated.forCompany(call)).then())
                .orElseGet(Mono::empty);
    }
}
