package com.mobayilo.rating;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The audit trail of operators' changes to the deck, the blocked list and the account limits. */
@Component
public class PolicyChanges {

    private final DatabaseClient db;

    PolicyChanges(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> record(String area, String change, UUID operator) {
        var spec = db.sql("insert into policy_changes (area, change, operator_id) values (:area, :change, :operator)")
                .bind("area", area).bind("change", change);
        return (operator == null ? spec.bindNull("operator", UUID.class) : spec.bind("operator", operator)).then();
    }

    /** The latest changes, newest first, with the operator's email. */
    public Flux<Entry> recent(int limit) {
        return db.sql("""
                select c.created_at, c.area, c.change, coalesce(u.email, 'system') as operator
                from policy_changes c left join users u on u.id = c.operator_id
                order by c.id desc limit :limit""")
                .bind("limit", limit)
                .map(row -> new Entry(row.get("created_at", Instant.class), row.get("area", String.class), row.get("change", String.class),
                        row.get("operator", String.class)))
                .all();
    }

    /** One audited change: when, which area, what, and who. */
    public record Entry(Instant at, String area, String change, String operator) {
    }
}
