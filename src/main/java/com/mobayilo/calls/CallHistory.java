package com.mobayilo.calls;

import com.mobayilo.accounts.UserId;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/** A person's own calls, newest first. */
@Service
public class CallHistory {

    private final CallRecords records;

    CallHistory(CallRecords records) {
        this.records = records;
    }

    public Flux<Call> recent(UserId caller, int limit) {
        return records.recent(caller, limit);
    }
}
