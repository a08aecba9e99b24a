-- Issue 17, section 3: what callers think of their calls, and calls credited back because the network dropped them
-- (docs/decisions/0026-call-quality.md). Both tables belong to the calls module.

-- One rating per call, by the call's own caller; only calls that connected are rated.
create table call_ratings (
    call_id    uuid        primary key references calls (id),
    caller_id  uuid        not null references users (id),
    score      smallint    not null check (score between 1 and 5),
    -- choppy-audio, echo, dropped-call, could-not-hear, delay, other
    issues     text[]      not null default '{}',
    created_at timestamptz not null default now()
);
create index call_ratings_by_time on call_ratings (created_at);

-- Every network drop Twilio reported, once per call, and whether it was credited back. A refusal (the daily limit)
-- is kept too, so that a retried report is answered the same way and the history can say why.
create table call_drops (
    call_id        uuid        primary key references calls (id),
    caller_id      uuid        not null references users (id),
    error_code     integer     not null,
    credited_cents bigint      not null default 0 check (credited_cents >= 0),
    refusal        text        check (refusal in ('DAILY_LIMIT')),
    created_at     timestamptz not null default now(),
    constraint call_drops_credited_or_refused check ((credited_cents > 0) <> (refusal is not null))
);
create index call_drops_by_caller on call_drops (caller_id, created_at);

-- The credit-back reverses a call charge: a journal kind of its own, against call revenue.
alter table journal_transactions drop constraint journal_transactions_kind_check;
alter table journal_transactions add constraint journal_transactions_kind_check
    check (kind in ('TOP_UP', 'CALL_CHARGE', 'CALL_CREDIT', 'REFUND', 'CHARGEBACK', 'ADJUSTMENT', 'PROMOTION'));
