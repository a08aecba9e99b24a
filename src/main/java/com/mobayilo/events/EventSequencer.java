package com.mobayilo.events;

import com.mobayilo.database.UnitOfWork;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Gives committed events their place in the log (docs/decisions/0032-events-in-commit-order.md). An event's id is
 * taken at insert, but its transaction may commit much later; readers therefore follow {@code position}, which is
 * given only to committed events, in batches, one sequencer at a time across all instances (a transaction-scoped
 * advisory lock). A batch numbers on from the highest position committed before it, so positions have no gaps and
 * none ever appears below one a reader has already seen: every replica reads one order, and no reader waits for a
 * transaction that is still open.
 */
@Component
class EventSequencer {

    /** The advisory lock of the event log, the same on every instance ("mobayilo" in ASCII). */
    private static final long LOCK = 0x6d6f_6261_7969_6c6fL;

    private static final int BATCH = 5000;

    // Under the lock, this statement's snapshot (taken after the lock was granted) sees every earlier batch. Events
    // of one batch keep their id order, so the events of one transaction stay in the order it appended them.
    private static final String POSITION = """
            with batch as (
                select id from events where position is null order by id limit %d for update
            ), numbered as (
                select id, (select coalesce(max(position), 0) from events) + row_number() over (order by id) as position from batch
            )
            update events set position = numbered.position from numbered where events.id = numbered.id
            returning events.position""".formatted(BATCH);

    private final DatabaseClient db;

    private final UnitOfWork unitOfWork;

    EventSequencer(DatabaseClient db, UnitOfWork unitOfWork) {
        this.db = db;
        this.unitOfWork = unitOfWork;
    }

    /** Places every committed event that has no position yet; answers the highest position given, or 0 for none. */
    Mono<Long> sequence() {
        return batch().expand(placed -> placed.count() == BATCH ? batch() : Mono.empty())
                .map(Placed::highest)
                .reduce(0L, Math::max);
    }

    private Mono<Placed> batch() {
        return unitOfWork.run(() -> db.sql("select pg_advisory_xact_lock(" + LOCK + ")").then()
                .then(db.sql(POSITION).map(row -> row.get(0, Long.class)).all()
                        .reduce(new Placed(0, 0), (placed, position) -> new Placed(placed.count() + 1, Math.max(placed.highest(), position)))));
    }

    private record Placed(int count, long highest) {
    }
}
