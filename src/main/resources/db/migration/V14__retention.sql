-- Retention (docs/decisions/0036-retention.md): what is purged, by what, and what is kept forever.

-- A periodic job that any instance may start is queued at most once while it waits or is retried: the unique index
-- decides, so two instances enqueuing at the same moment cannot both succeed (insert ... on conflict do nothing).
-- Only jobs enqueued that way are singletons; ordinary jobs of any type may queue side by side.
alter table jobs add column singleton boolean not null default false;
create unique index jobs_one_waiting_singleton on jobs (type) where singleton and done_at is null and failed_at is null;
-- What the purge of finished jobs looks for.
create index jobs_done on jobs (done_at) where done_at is not null;
create index jobs_failed on jobs (failed_at) where failed_at is not null;

-- Per stream, the highest position of an event purged from it. A subscriber resuming at or below it on one of its
-- streams has missed events that no longer exist, and is told so (stream.reset) instead of getting a silent gap.
create table event_purges (
    stream          text   primary key,
    purged_through  bigint not null
);

-- Append-only tables whose rows arrive in time order: block-range indexes find the old ones for almost no cost on
-- the writers' hot path.
create index events_by_created_at on events using brin (created_at);
create index call_callbacks_by_received_at on call_callbacks using brin (received_at);
create index stripe_events_by_received_at on stripe_events using brin (received_at);
-- Expired or revoked UI session keys.
create index api_keys_ui_sessions_ending on api_keys (coalesce(revoked_at, expires_at)) where kind = 'UI_SESSION';
