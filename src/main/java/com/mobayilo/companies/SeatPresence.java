package com.mobayilo.companies;

import java.security.Principal;
import java.time.Duration;
import java.util.UUID;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import com.mobayilo.events.StreamPresence;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Which members have Mobayilo open: a member is online while some instance holds their event stream (the UI
 * server holds one per signed-in member while any of their pages is open). Each instance counts its own streams
 * in {@code seat_presence} and refreshes them; rows of an instance that died stop counting after
 * {@link #FRESH}. Coming online and going offline are announced as {@code seat.updated}.
 */
@Component
class SeatPresence implements StreamPresence {

    static final Duration FRESH = Duration.ofSeconds(90);

    private final UUID instance = UUID.randomUUID();

    private final DatabaseClient db;

    private final EventLog events;

    private final TransactionalOperator transaction;

    SeatPresence(DatabaseClient db, EventLog events, TransactionalOperator transaction) {
        this.db = db;
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public Mono<Void> opened(Principal principal) {
        return member(principal).map(member -> count(member, +1)).orElse(Mono.empty());
    }

    @Override
    public Mono<Void> closed(Principal principal) {
        return member(principal).map(member -> count(member, -1)).orElse(Mono.empty());
    }

    /**
     * Keeps this instance's rows fresh, and forgets its closed ones. Per replica by nature, not a cluster task
     * (docs/decisions/0033-replicas.md): only this process knows its streams are open, and its rows must go stale when it dies.
     */
    @Scheduled(fixedDelayString = "${mobayilo.companies.presence-refresh:PT30S}")
    Mono<Long> refresh() {
        return db.sql("update seat_presence set seen_at = now() where instance_id = :instance and streams > 0").bind("instance", instance)
                .fetch().rowsUpdated()
                .flatMap(kept -> db.sql("delete from seat_presence where streams = 0 and seen_at < now() - make_interval(secs => :fresh)")
                        .bind("fresh", (double) FRESH.toSeconds()).fetch().rowsUpdated().thenReturn(kept));
    }

    private Mono<Void> count(AccountPrincipal member, int delta) {
        return db.sql("""
                        insert into seat_presence (user_id, instance_id, streams, seen_at) values (:user, :instance, greatest(:delta, 0), now())
                        on conflict (user_id, instance_id) do update set streams = greatest(seat_presence.streams + :delta, 0), seen_at = now()""")
                .bind("user", member.id().value()).bind("instance", instance).bind("delta", delta)
                .then()
                .then(streamsOpen(member))
                .filter(open -> delta > 0 ? open == 1 : open == 0)
                .flatMap(open -> events.append(Streams.company(member.companyId()), SeatUpdated.TYPE,
                        SeatUpdated.presence(member.id().value(), open > 0)))
                .as(transaction::transactional)
                .then();
    }

    private Mono<Long> streamsOpen(AccountPrincipal member) {
        return db.sql("select coalesce(sum(streams), 0) as open from seat_presence where user_id = :user and seen_at > now() - make_interval(secs => :fresh)")
                .bind("user", member.id().value()).bind("fresh", (double) FRESH.toSeconds())
                .map(row -> ((Number) row.get("open")).longValue()).one();
    }

    private static java.util.Optional<AccountPrincipal> member(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof AccountPrincipal account
                && account.role().isCompanyMember()) {
            return java.util.Optional.of(account);
        }
        return java.util.Optional.empty();
    }
}
