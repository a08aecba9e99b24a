package com.mobayilo.calls;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The call_summary_checks table: live calls being asked about at Voice Insights, and how each was decided. */
@Component
class CallSummaryChecks {

    private final DatabaseClient db;

    CallSummaryChecks(DatabaseClient db) {
        this.db = db;
    }

    /** One call still being asked about, after {@code attempts} questions. */
    record Check(String callSid, int attempts, Instant deadline, boolean problemLogged) {
    }

    /** Queues the call once; true when it was not queued before. */
    Mono<Boolean> queue(Call call, Instant deadline) {
        return db.sql("insert into call_summary_checks (call_id, call_sid, deadline) values (:id, :sid, :deadline) on conflict do nothing")
                .bind("id", call.id()).bind("sid", call.callSid()).bind("deadline", deadline)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The check, if it is undecided and at question {@code attempt}; with {@code lock}, its row is held to the commit. */
    Mono<Check> pending(String callSid, int attempt, boolean lock) {
        return db.sql("select call_sid, attempts, deadline, problem_logged from call_summary_checks "
                        + "where call_sid = :sid and outcome is null and attempts = :attempt" + (lock ? " for update" : ""))
                .bind("sid", callSid).bind("attempt", attempt)
                .map(CallSummaryChecks::check).one();
    }

    Mono<Void> decide(Check check, String outcome, String answer, Instant at) {
        return db.sql("update call_summary_checks set outcome = :outcome, decided_at = :at, last_answer = :answer where call_sid = :sid")
                .bind("outcome", outcome).bind("at", at).bind("answer", answer).bind("sid", check.callSid())
                .then();
    }

    Mono<Void> askedAgain(Check check, String answer, boolean problemLogged) {
        return db.sql("update call_summary_checks set attempts = attempts + 1, last_answer = :answer, problem_logged = :logged where call_sid = :sid")
                .bind("answer", answer).bind("logged", problemLogged).bind("sid", check.callSid())
                .then();
    }

    private static Check check(Readable row) {
        return new Check(row.get("call_sid", String.class), row.get("attempts", Integer.class), row.get("deadline", Instant.class),
                row.get("problem_logged", Boolean.class));
    }
}
