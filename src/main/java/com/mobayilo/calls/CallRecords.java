package com.mobayilo.calls;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.events.EventLog;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.HoldId;
import com.mobayilo.wallet.WalletId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** The calls table. */
@Component
class CallRecords {

    private static final String COLUMNS = """
            id, call_sid, caller_id, wallet_id, destination, country, number_type, description, rate_cents, status, refusal, held_minutes,
            hold_id, caller_number, created_at, answered_at, ended_at, duration_seconds, billed_minutes, cost_cents, company_id""";

    /** A caller's live calls and spending, as one row: {@code live}, {@code today} and {@code month}. */
    private static final String ACTIVITY = """
            (select count(*) filter (where status in ('INITIATED', 'RINGING', 'IN_PROGRESS')) as live,
                    coalesce(sum(%1$s) filter (where created_at >= :day and status <> 'REFUSED'), 0) as today,
                    coalesce(sum(%1$s) filter (where created_at >= :month and status <> 'REFUSED'), 0) as month
             from calls where caller_id = :caller and (status in ('INITIATED', 'RINGING', 'IN_PROGRESS') or created_at >= :since)) a"""
            .formatted(Spending.OF_CALL);

    private final DatabaseClient db;

    CallRecords(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts a new call and, in the same statement, its first event on {@code stream}: a call's start is the
     * voice webhook's hot path, so it saves a round trip. Returns the event's id for {@link EventLog#appended}.
     */
    Mono<Long> insertAnnounced(Call call, String stream, Json payload) {
        return db.sql("with c as (insert into calls (" + COLUMNS + ") values (:id, :sid, :caller, :wallet, :destination, :country, :type, "
                        + ":description, :rate, :status, :refusal, :held, :hold, :callerNumber, :created, :answered, :ended, :duration, :billed, "
                        + ":cost, :company) returning id) "
                        + EventLog.appendFrom("c", "cast(:stream as text)", CallUpdated.TYPE, "cast(:payload as jsonb)"))
                .bind("id", call.id())
                .bind("sid", call.callSid())
                .bind("caller", call.caller().value())
                .bind("wallet", Parameter.fromOrEmpty(call.wallet() == null ? null : call.wallet().value(), UUID.class))
                .bind("destination", call.destination())
                .bind("country", Parameter.fromOrEmpty(call.country() == null ? null : call.country().value(), String.class))
                .bind("type", Parameter.fromOrEmpty(call.numberType(), String.class))
                .bind("description", Parameter.fromOrEmpty(call.description(), String.class))
                .bind("rate", Parameter.fromOrEmpty(call.rate() == null ? null : (int) call.rate().cents(), Integer.class))
                .bind("status", call.status().name())
                .bind("refusal", Parameter.fromOrEmpty(call.refusal() == null ? null : call.refusal().name(), String.class))
                .bind("held", call.heldMinutes())
                .bind("hold", Parameter.fromOrEmpty(call.hold() == null ? null : call.hold().value(), UUID.class))
                .bind("callerNumber", Parameter.fromOrEmpty(call.callerNumber(), String.class))
                .bind("created", call.createdAt())
                .bind("answered", Parameter.fromOrEmpty(call.answeredAt(), Instant.class))
                .bind("ended", Parameter.fromOrEmpty(call.endedAt(), Instant.class))
                .bind("duration", Parameter.fromOrEmpty(call.durationSeconds(), Integer.class))
                .bind("billed", Parameter.fromOrEmpty(call.billedMinutes(), Integer.class))
                .bind("cost", Parameter.fromOrEmpty(call.cost() == null ? null : call.cost().cents(), Long.class))
                .bind("company", Parameter.fromOrEmpty(call.company(), UUID.class))
                .bind("stream", stream)
                .bind("payload", payload)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Writes what a callback may change: status, times and the bill. */
    Mono<Call> update(Call call) {
        return db.sql("""
                        update calls set status = :status, answered_at = :answered, ended_at = :ended, duration_seconds = :duration,
                               billed_minutes = :billed, cost_cents = :cost
                        where id = :id""")
                .bind("id", call.id())
                .bind("status", call.status().name())
                .bind("answered", Parameter.fromOrEmpty(call.answeredAt(), Instant.class))
                .bind("ended", Parameter.fromOrEmpty(call.endedAt(), Instant.class))
                .bind("duration", Parameter.fromOrEmpty(call.durationSeconds(), Integer.class))
                .bind("billed", Parameter.fromOrEmpty(call.billedMinutes(), Integer.class))
                .bind("cost", Parameter.fromOrEmpty(call.cost() == null ? null : call.cost().cents(), Long.class))
                .then()
                .thenReturn(call);
    }

    Mono<Call> findBySid(String callSid) {
        return db.sql("select " + COLUMNS + " from calls where call_sid = :sid").bind("sid", callSid).map(CallRecords::call).one();
    }

    /** The call, locked until the end of the transaction, so its callbacks are applied one at a time. */
    Mono<Call> lockBySid(String callSid) {
        return db.sql("select " + COLUMNS + " from calls where call_sid = :sid for update").bind("sid", callSid).map(CallRecords::call).one();
    }

    Mono<Call> find(UUID id) {
        return db.sql("select " + COLUMNS + " from calls where id = :id").bind("id", id).map(CallRecords::call).one();
    }

    /** Serialises call starts of one caller, so two calls cannot both pass the concurrency limit. */
    Mono<Void> lockCaller(UserId caller) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:caller, 0))").bind("caller", caller.value().toString()).then();
    }

    /**
     * How many calls the caller has live, and what counts against today's and this month's caps (UTC): what
     * ended calls cost plus what live calls hold.
     */
    Mono<CallerActivity> activity(UserId caller, Instant dayStart, Instant monthStart) {
        return bindActivity(db.sql("select live, today, month from " + ACTIVITY), caller, dayStart, monthStart)
                .map(CallRecords::activity).one();
    }

    /**
     * What a call's start decides on, in one statement because the voice webhook asks on every call: whether
     * Twilio asked about this CallSid before, and the caller's activity. Read under {@link #lockCaller}, so no
     * other start of this caller can change it before the commit. What the wallet has is not read here: the
     * hold sizes itself against the wallet's row, which other callers of a shared wallet change.
     */
    Mono<StartState> startState(String callSid, UserId caller, Instant dayStart, Instant monthStart) {
        return bindActivity(db.sql("select live, today, month, exists (select 1 from calls where call_sid = :sid) as answered from " + ACTIVITY),
                        caller, dayStart, monthStart)
                .bind("sid", callSid)
                .map(row -> new StartState(row.get("answered", Boolean.class), activity(row))).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindActivity(DatabaseClient.GenericExecuteSpec spec, UserId caller, Instant dayStart,
            Instant monthStart) {
        return spec.bind("caller", caller.value()).bind("day", dayStart).bind("month", monthStart)
                .bind("since", dayStart.isBefore(monthStart) ? dayStart : monthStart);
    }

    private static CallerActivity activity(Readable row) {
        return new CallerActivity(row.get("live", Long.class).intValue(), Money.cents(row.get("today", Long.class)), Money.cents(row.get("month", Long.class)));
    }

    /** A call's start, as {@link #startState} reads it. */
    record StartState(boolean answeredBefore, CallerActivity activity) {
    }

    /** A caller's live calls and spending, as the guard and the seat limits count them. */
    record CallerActivity(int liveCalls, Money spentToday, Money spentThisMonth) {
    }

    /** Calls still live after {@code before}: their ending never reached us. */
    Flux<Call> unfinishedBefore(Instant before, int limit) {
        return db.sql("select " + COLUMNS + " from calls where status in ('INITIATED', 'RINGING', 'IN_PROGRESS') and created_at < :before "
                        + "order by created_at limit :limit")
                .bind("before", before).bind("limit", limit).map(CallRecords::call).all();
    }

    Flux<Call> recent(UserId caller, int limit) {
        return db.sql("select " + COLUMNS + " from calls where caller_id = :caller order by created_at desc limit :limit")
                .bind("caller", caller.value()).bind("limit", limit).map(CallRecords::call).all();
    }

    /** One page of a caller's calls in a period, newest first. */
    Flux<Call> page(UserId caller, CallPeriod period, long offset, int limit) {
        return db.sql("select " + COLUMNS + " from calls where caller_id = :caller and created_at >= :from and created_at < :to "
                        + "order by created_at desc, id offset :offset limit :limit")
                .bind("caller", caller.value()).bind("from", period.from()).bind("to", period.to())
                .bind("offset", offset).bind("limit", limit).map(CallRecords::call).all();
    }

    Mono<Long> count(UserId caller, CallPeriod period) {
        return db.sql("select count(*) from calls where caller_id = :caller and created_at >= :from and created_at < :to")
                .bind("caller", caller.value()).bind("from", period.from()).bind("to", period.to())
                .map(row -> row.get(0, Long.class)).one();
    }

    Mono<Void> recordCarrierPrice(UUID id, java.math.BigDecimal cents) {
        return db.sql("update calls set carrier_price_cents = :price where id = :id").bind("id", id).bind("price", cents).then();
    }

    /** Records a provider callback; false when this (CallSid, status) was already seen. */
    Mono<Boolean> firstCallback(String callSid, String status) {
        return db.sql("insert into call_callbacks (call_sid, status) values (:sid, :status) on conflict do nothing")
                .bind("sid", callSid).bind("status", status)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Call call(Readable row) {
        var wallet = row.get("wallet_id", UUID.class);
        var country = row.get("country", String.class);
        var rate = row.get("rate_cents", Integer.class);
        var refusal = row.get("refusal", String.class);
        var hold = row.get("hold_id", UUID.class);
        var cost = row.get("cost_cents", Long.class);
        return new Call(row.get("id", UUID.class), row.get("call_sid", String.class), new UserId(row.get("caller_id", UUID.class)),
                wallet == null ? null : new WalletId(wallet), row.get("destination", String.class), country == null ? null : CountryCode.of(country),
                row.get("number_type", String.class), row.get("description", String.class), rate == null ? null : Money.cents(rate),
                CallStatus.valueOf(row.get("status", String.class)), refusal == null ? null : Refusal.valueOf(refusal),
                row.get("held_minutes", Integer.class), hold == null ? null : new HoldId(hold), row.get("caller_number", String.class),
                row.get("created_at", Instant.class), row.get("answered_at", Instant.class), row.get("ended_at", Instant.class),
                row.get("duration_seconds", Integer.class), row.get("billed_minutes", Integer.class), cost == null ? null : Money.cents(cost),
                row.get("company_id", UUID.class));
    }
}
