-- Events are delivered in the order they become visible, not in id order (docs/decisions/0032-events-in-commit-order.md).
-- An id is taken at insert, but the transaction may commit much later; so after commit a sequencer gives each event
-- its position, one batch at a time under an advisory lock, and readers follow positions. A position, once
-- visible, never has a lower one appear after it: every replica reads the same order, and no reader waits for an
-- unrelated transaction that is still open.

alter table events add column position bigint;

-- Events already written were delivered in id order: they keep it, so clients resuming with an old id miss nothing.
update events set position = id;

create unique index events_by_position on events (position);
create index events_by_stream_position on events (stream, position);
drop index events_by_stream;
-- What the sequencer looks for: small, because events keep no null position for more than milliseconds.
create index events_to_position on events (id) where position is null;
