package com.mobayilo.calls;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * The {@code caller_ids} table (each person's current caller ID) and {@code caller_id_requests} (every
 * verification asked for, which also proves the numbers a person verified).
 */
@Component
class CallerIds {

    private static final String CURRENT = """
            select c.number, c.status, c.validation_sid, c.created_at, c.verified_at, r.validation_code
            from caller_ids c left join caller_id_requests r on r.id = c.request_id""";

    /** Makes a request a person's caller ID: followed by a select of one request row, then {@link #REPLACING}. */
    private static final String CHOOSE = "insert into caller_ids (owner_id, number, status, validation_sid, request_id, created_at, verified_at) ";

    private static final String REPLACING = """
            on conflict (owner_id) do update set number = excluded.number, status = excluded.status, validation_sid = excluded.validation_sid,
                request_id = excluded.request_id, created_at = excluded.created_at, verified_at = excluded.verified_at""";

    private final DatabaseClient db;

    CallerIds(DatabaseClient db) {
        this.db = db;
    }

    Mono<CallerId> current(UserId owner) {
        return db.sql(CURRENT + " where c.owner_id = :owner").bind("owner", owner.value()).map(CallerIds::callerId).one();
    }

    /** Whether this person already proved this number through a verification of their own. */
    Mono<Boolean> isProven(UserId owner, String number) {
        return db.sql("select exists (select 1 from caller_id_requests where owner_id = :owner and number = :number and status = 'VERIFIED') as proven")
                .bind("owner", owner.value()).bind("number", number)
                .map(row -> row.get("proven", Boolean.class)).one();
    }

    Mono<Void> open(UUID request, UserId owner, String number, Instant now) {
        return db.sql("insert into caller_id_requests (id, owner_id, number, status, created_at) values (:id, :owner, :number, 'PENDING', :now)")
                .bind("id", request).bind("owner", owner.value()).bind("number", number).bind("now", now)
                .then();
    }

    Mono<Void> placed(UUID request, CallerIdCarrier.Validation validation) {
        return db.sql("update caller_id_requests set validation_sid = :sid, validation_code = :code where id = :id")
                .bind("id", request).bind("sid", validation.callSid()).bind("code", validation.code())
                .then();
    }

    Mono<Void> refused(UUID request, CallerIdRefusal.Reason reason, Instant now) {
        return db.sql("update caller_id_requests set status = 'FAILED', refusal = :reason, settled_at = :now where id = :id and status = 'PENDING'")
                .bind("id", request).bind("reason", reason.name()).bind("now", now)
                .then();
    }

    /**
     * Makes this request the owner's caller ID, as it stands now. The request row is locked first, so a callback
     * settling it at the same moment either comes before (and its outcome is copied) or after (and finds this).
     */
    Mono<CallerId> choose(UUID request) {
        return db.sql("select id from caller_id_requests where id = :id for update").bind("id", request).then()
                .then(db.sql(CHOOSE + """
                                select owner_id, number, status, validation_sid, id, created_at, case when status = 'VERIFIED' then settled_at end
                                from caller_id_requests where id = :id
                                """ + REPLACING + " returning owner_id")
                        .bind("id", request)
                        .map(row -> new UserId(row.get("owner_id", UUID.class))).one())
                .flatMap(this::current);
    }

    /** Makes the owner's latest proof of {@code number} their caller ID again, without a new verification call. */
    Mono<CallerId> restore(UserId owner, String number, Instant now) {
        return db.sql(CHOOSE + """
                        select owner_id, number, status, validation_sid, id, :now, settled_at
                        from caller_id_requests where owner_id = :owner and number = :number and status = 'VERIFIED'
                        order by settled_at desc limit 1
                        """ + REPLACING)
                .bind("owner", owner.value()).bind("number", number).bind("now", now)
                .then()
                .then(current(owner));
    }

    /** Records a verification's outcome once; empty for a duplicate callback or one that names no request. */
    Mono<UserId> settle(CallerIdReport report, Instant now) {
        return db.sql("""
                        update caller_id_requests set status = :status, outgoing_caller_id_sid = :callerIdSid, settled_at = :now
                        where id = :id and number = :number and status = 'PENDING'
                        returning owner_id""")
                .bind("id", report.request())
                .bind("number", report.number())
                .bind("status", (report.verified() ? CallerIdStatus.VERIFIED : CallerIdStatus.FAILED).name())
                .bind("callerIdSid", Parameter.fromOrEmpty(report.outgoingCallerIdSid(), String.class))
                .bind("now", now)
                .map(row -> new UserId(row.get("owner_id", UUID.class))).one();
    }

    /** Carries a settled request over to the owner's caller ID, if it is still the one they chose. */
    Mono<CallerId> settleCurrent(UserId owner, CallerIdReport report, Instant now) {
        return db.sql("""
                        update caller_ids set status = :status, verified_at = :verifiedAt
                        where owner_id = :owner and request_id = :id""")
                .bind("owner", owner.value())
                .bind("id", report.request())
                .bind("status", (report.verified() ? CallerIdStatus.VERIFIED : CallerIdStatus.FAILED).name())
                .bind("verifiedAt", Parameter.fromOrEmpty(report.verified() ? now : null, Instant.class))
                .fetch().rowsUpdated()
                .filter(rows -> rows > 0)
                .flatMap(rows -> current(owner));
    }

    Mono<Boolean> remove(UserId owner) {
        return db.sql("delete from caller_ids where owner_id = :owner").bind("owner", owner.value()).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static CallerId callerId(Readable row) {
        return new CallerId(row.get("number", String.class), CallerIdStatus.valueOf(row.get("status", String.class)),
                row.get("validation_code", String.class), row.get("validation_sid", String.class), row.get("created_at", Instant.class),
                row.get("verified_at", Instant.class));
    }
}
