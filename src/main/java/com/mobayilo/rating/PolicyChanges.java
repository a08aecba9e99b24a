package com.mobayilo.rating;

import java.time.Instant;
import java.util.Optional;
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

    Mono<Void> record(String area, PolicyChange change, UUID operator) {
        var spec = db.sql("insert into policy_changes (area, change, operator_id) values (:area, :change, :operator)")
                .bind("area", area).bind("change", change.stored());
        return (operator == null ? spec.bindNull("operator", UUID.class) : spec.bind("operator", operator)).then();
    }

    /** The latest changes, newest first, with the operator's email (none for what the app did itself). */
    public Flux<Entry> recent(int limit) {
        return db.sql("""
                select c.created_at, c.area, c.change, u.email as operator
                from policy_changes c left join users u on u.id = c.operator_id
                order by c.id desc limit :limit""")
                .bind("limit", limit)
                .map(row -> new Entry(row.get("created_at", Instant.class), row.get("area", String.class),
                        PolicyChange.stored(row.get("change", String.class)), Optional.ofNullable(row.get("operator", String.class))))
                .all();
    }

    /** One audited change: when, which area, what, and who (nobody when the app made it, such as the sandbox's sample deck). */
    public record Entry(Instant at, String area, PolicyChange change, Optional<String> operator) {
    }
}
