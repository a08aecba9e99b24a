package com.mobayilo.calls;

import com.mobayilo.accounts.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** A person's own calls, newest first: the dialer's recents, the history page and its CSV export. */
@Service
public class CallHistory {

    private static final int EXPORT_PAGE = 500;

    private final CallRecords records;

    CallHistory(CallRecords records) {
        this.records = records;
    }

    public Flux<Call> recent(UserId caller, int limit) {
        return records.recent(caller, limit);
    }

    public Flux<Call> page(UserId caller, CallPeriod period, long offset, int limit) {
        return records.page(caller, period, offset, limit);
    }

    public Mono<Long> count(UserId caller, CallPeriod period) {
        return records.count(caller, period);
    }

    /** Every call of the period, read a page at a time so an export of years of calls stays small in memory. */
    public Flux<Call> all(UserId caller, CallPeriod period) {
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(page -> records.page(caller, period, (long) page * EXPORT_PAGE, EXPORT_PAGE).collectList(), 1)
                .takeUntil(calls -> calls.size() < EXPORT_PAGE)
                .concatMapIterable(calls -> calls);
    }
}
