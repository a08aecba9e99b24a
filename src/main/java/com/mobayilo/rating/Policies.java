package com.mobayilo.rating;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.mobayilo.accounts.UserId;
import com.mobayilo.events.EventHub;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import com.mobayilo.shared.Money;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The destination policy and the blocked list: read from memory by the guard, changed by operators. Every
 * change is audited and announced on the system stream, so every instance reloads it.
 */
@Service
public class Policies implements SmartLifecycle {

    static final String CHANGED = "destination-policy.changed";

    private final DatabaseClient db;

    private final PolicyChanges audit;

    private final EventLog events;

    private final EventHub hub;

    private final TransactionalOperator transaction;

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    private volatile Disposable following;

    Policies(DatabaseClient db, PolicyChanges audit, EventLog events, EventHub hub, TransactionalOperator transaction) {
        this.db = db;
        this.audit = audit;
        this.events = events;
        this.hub = hub;
        this.transaction = transaction;
    }

    public DestinationPolicy current() {
        return snapshot.get().policy();
    }

    public List<BlockedPrefix> blocked() {
        return snapshot.get().blocked();
    }

    public Mono<Void> update(DestinationPolicy policy, UserId operator) {
        var before = current();
        return db.sql("""
                update destination_policy set daily_cap_cents = :daily, new_account_daily_cap_cents = :newDaily,
                       new_account_days = :days, max_concurrent_calls = :concurrent, updated_at = now(), updated_by = :operator
                where id = 1""")
                .bind("daily", policy.dailyCap().cents()).bind("newDaily", policy.newAccountDailyCap().cents())
                .bind("days", policy.newAccountDays()).bind("concurrent", policy.maxConcurrentCalls()).bind("operator", operator.value())
                .then()
                .then(changed("POLICY", PolicyChange.of("Limits changed from " + describe(before) + " to " + describe(policy), "policy.change.limits",
                        before.dailyCap().cents(), policy.dailyCap().cents(), before.newAccountDailyCap().cents(), policy.newAccountDailyCap().cents(),
                        before.newAccountDays(), policy.newAccountDays(), before.maxConcurrentCalls(), policy.maxConcurrentCalls()), operator));
    }

    public Mono<Void> block(String prefix, String reason, UserId operator) {
        var cleaned = prefix == null ? "" : prefix.strip().replaceFirst("^\\+", "");
        if (!cleaned.matches("[1-9][0-9]{0,14}")) {
            return Mono.error(new InvalidPrefix(prefix));
        }
        if (reason == null || reason.isBlank()) {
            return Mono.error(new ReasonMissing());
        }
        return db.sql("insert into blocked_prefixes (prefix, reason, created_by) values (:prefix, :reason, :operator) on conflict (prefix) do update set reason = excluded.reason")
                .bind("prefix", cleaned).bind("reason", reason.strip()).bind("operator", operator.value())
                .then()
                .then(changed("BLOCKED_PREFIX", PolicyChange.of("Blocked +" + cleaned + ": " + reason.strip(), "policy.change.blocked", cleaned, reason.strip()),
                        operator));
    }

    public Mono<Void> unblock(String prefix, UserId operator) {
        return db.sql("delete from blocked_prefixes where prefix = :prefix").bind("prefix", prefix)
                .then()
                .then(changed("BLOCKED_PREFIX", PolicyChange.of("Unblocked +" + prefix, "policy.change.unblocked", prefix), operator));
    }

    /** Audits and announces a change; this instance reloads at once, the others when the event reaches them. */
    private Mono<Void> changed(String area, PolicyChange change, UserId operator) {
        return audit.record(area, change, operator.value())
                .then(events.append(Streams.SYSTEM, CHANGED, Map.of("area", area)))
                .as(transaction::transactional)
                .then(Mono.defer(this::load));
    }

    void reload() {
        load().block();
    }

    private Mono<Void> load() {
        var policy = db.sql("select daily_cap_cents, new_account_daily_cap_cents, new_account_days, max_concurrent_calls from destination_policy where id = 1")
                .map(row -> new DestinationPolicy(Money.cents(row.get("daily_cap_cents", Long.class)), Money.cents(row.get("new_account_daily_cap_cents", Long.class)),
                        row.get("new_account_days", Integer.class), row.get("max_concurrent_calls", Integer.class)))
                .one();
        var blocked = db.sql("select prefix, reason, created_at from blocked_prefixes order by prefix")
                .map(row -> new BlockedPrefix(row.get("prefix", String.class), row.get("reason", String.class), row.get("created_at", Instant.class)))
                .all().collectList();
        return Mono.zip(policy, blocked, Snapshot::new).doOnNext(snapshot::set).then();
    }

    private static String describe(DestinationPolicy policy) {
        return "daily cap %d, new-account cap %d for %d days, %d concurrent call(s)".formatted(policy.dailyCap().cents(),
                policy.newAccountDailyCap().cents(), policy.newAccountDays(), policy.maxConcurrentCalls());
    }

    @Override
    public void start() {
        reload();
        following = hub.follow(Streams.SYSTEM, CHANGED, this::reload);
    }

    @Override
    public void stop() {
        var current = following;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        var current = following;
        return current != null && !current.isDisposed();
    }

    private record Snapshot(DestinationPolicy policy, List<BlockedPrefix> blocked) {
    }
}
