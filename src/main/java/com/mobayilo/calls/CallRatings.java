package com.mobayilo.calls;

import java.util.EnumMap;
import java.util.Set;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.shared.CountryCode;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * What callers think of their calls (docs/decisions/0026-call-quality.md): one rating per call that connected, 1 to
 * 5 with the issues heard, only by the call's own caller; and, for operators, the ratings per destination country.
 */
@Service
public class CallRatings {

    private final DatabaseClient db;

    CallRatings(DatabaseClient db) {
        this.db = db;
    }

    /** Whether {@code caller} may rate call {@code callSid} now: their own, it connected, and it is not rated yet. */
    public Mono<Boolean> rateable(UserId caller, String callSid) {
        return db.sql("""
                        select exists (select 1 from calls c where c.call_sid = :sid and c.caller_id = :caller and c.answered_at is not null
                                       and not exists (select 1 from call_ratings r where r.call_id = c.id))""")
                .bind("sid", callSid).bind("caller", caller.value()).map(row -> row.get(0, Boolean.class)).one();
    }

    public Mono<Void> rate(UserId caller, String callSid, int score, Set<RatingIssue> issues) {
        if (score < 1 || score > 5) {
            return Mono.error(CallRatingRefused.badScore());
        }
        return db.sql("select id from calls where call_sid = :sid and caller_id = :caller and answered_at is not null")
                .bind("sid", callSid).bind("caller", caller.value()).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CallRatingRefused::notRateable))
                .flatMap(callId -> db.sql("insert into call_ratings (call_id, caller_id, score, issues) values (:call, :caller, :score, :issues)")
                        .bind("call", callId).bind("caller", caller.value()).bind("score", (short) score)
                        .bind("issues", issues.stream().map(RatingIssue::stored).sorted().toArray(String[]::new))
                        .then())
                .onErrorMap(DuplicateKeyException.class, twice -> CallRatingRefused.alreadyRated());
    }

    /** Per destination country, the best known first by number of ratings: average score, issue counts and drops. */
    public Flux<DestinationQuality> byDestination() {
        return db.sql("""
                        select c.country, count(r.call_id) as ratings, coalesce(avg(r.score), 0) as average,
                               count(*) filter (where 'choppy-audio' = any(r.issues)) as choppy,
                               count(*) filter (where 'echo' = any(r.issues)) as echo,
                               count(*) filter (where 'dropped-call' = any(r.issues)) as dropped,
                               count(*) filter (where 'could-not-hear' = any(r.issues)) as unheard,
                               count(*) filter (where 'delay' = any(r.issues)) as delay,
                               count(*) filter (where 'other' = any(r.issues)) as other,
                               (select count(*) from call_drops d join calls dc on dc.id = d.call_id where dc.country = c.country) as drops
                        from calls c left join call_ratings r on r.call_id = c.id
                        where c.country is not null
                        group by c.country
                        having count(r.call_id) > 0 or exists (select 1 from call_drops d join calls dc on dc.id = d.call_id where dc.country = c.country)
                        order by count(r.call_id) desc, c.country""")
                .map(CallRatings::quality).all();
    }

    private static DestinationQuality quality(Readable row) {
        var issues = new EnumMap<RatingIssue, Long>(RatingIssue.class);
        issues.put(RatingIssue.CHOPPY_AUDIO, row.get("choppy", Long.class));
        issues.put(RatingIssue.ECHO, row.get("echo", Long.class));
        issues.put(RatingIssue.DROPPED_CALL, row.get("dropped", Long.class));
        issues.put(RatingIssue.COULD_NOT_HEAR, row.get("unheard", Long.class));
        issues.put(RatingIssue.DELAY, row.get("delay", Long.class));
        issues.put(RatingIssue.OTHER, row.get("other", Long.class));
        var average = row.get("average", java.math.BigDecimal.class);
        return new DestinationQuality(CountryCode.of(row.get("country", String.class).strip()), row.get("ratings", Long.class),
                average == null ? 0 : average.doubleValue(), issues, row.get("drops", Long.class));
    }
}
