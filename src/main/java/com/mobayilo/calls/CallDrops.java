package com.mobayilo.calls;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The call_drops table: one row per dropped call, credited or refused. */
@Component
class CallDrops {

    private final DatabaseClient db;

    CallDrops(DatabaseClient db) {
        this.db = db;
    }

    Mono<CallDrop> of(UUID callId) {
        return db.sql("select call_id, error_code, credited_cents, refusal, created_at from call_drops where call_id = :id").bind("id", callId)
                .map(CallDrops::drop).one();
    }

    /** Credit-backs the caller got since {@code since}. */
    Mono<Long> creditedSince(UserId caller, Instant since) {
        return db.sql("select count(*) from call_drops where caller_id = :caller and created_at >= :since and credited_cents > 0")
                .bind("caller", caller.value()).bind("since", since).map(row -> row.get(0, Long.class)).one();
    }

    Mono<CallDrop> record(Call call, int errorCode, Money credited, Instant at) {
        return db.sql("""
                        insert into call_drops (call_id, caller_id, error_code, credited_cents, refusal, created_at)
                        values (:id, :caller, :code, :credited, :refusal, :at)""")
                .bind("id", call.id()).bind("caller", call.caller().value()).bind("code", errorCode).bind("credited", credited.cents())
                .bind("refusal", credited.cents() > 0 ? org.springframework.r2dbc.core.Parameter.empty(String.class)
                        : org.springframework.r2dbc.core.Parameter.from("DAILY_LIMIT"))
                .bind("at", at)
                .then().thenReturn(new CallDrop(call.id(), errorCode, credited, credited.cents() == 0, at));
    }

    private static CallDrop drop(Readable row) {
        return new CallDrop(row.get("call_id", UUID.class), row.get("error_code", Integer.class), Money.cents(row.get("credited_cents", Long.class)),
                row.get("refusal", String.class) != null, row.get("created_at", Instant.class));
    }
}
