-- Calls (docs/decisions/0013-calls.md). A call is created by the voice webhook together with its hold, and
-- settled once, at its first terminal callback, in the same transaction as the capture.

-- The opaque identity a caller's browser presents to Twilio ("client:<identity>"); never the email.
create table voice_identities (
    identity   text        primary key,
    user_id    uuid        not null unique references users (id),
    created_at timestamptz not null default now()
);

create table calls (
    id                 uuid        primary key,
    call_sid           text        not null unique,
    caller_id          uuid        not null references users (id),
    wallet_id          uuid        references wallets (id),
    destination        text        not null,
    country            char(2),
    number_type        text,
    description        text,
    rate_cents         integer     check (rate_cents > 0),
    status             text        not null check (status in ('INITIATED', 'RINGING', 'IN_PROGRESS', 'COMPLETED', 'BUSY',
                                                              'NO_ANSWER', 'FAILED', 'CANCELED', 'REFUSED')),
    refusal            text,
    held_minutes       integer     not null default 0 check (held_minutes >= 0),
    hold_id            uuid        references holds (id),
    caller_number      text,
    created_at         timestamptz not null default now(),
    answered_at        timestamptz,
    ended_at           timestamptz,
    duration_seconds   integer     check (duration_seconds >= 0),
    billed_minutes     integer     check (billed_minutes >= 0),
    cost_cents         bigint      check (cost_cents >= 0),
    carrier_price_cents numeric(12, 4),
    -- set when the stale-call job asked the carrier how the call ended, so it is asked once
    reconcile_requested_at timestamptz,
    -- A call never costs more than it held: billed minutes never exceed the minutes held.
    constraint calls_billed_within_hold check (billed_minutes is null or billed_minutes <= held_minutes),
    constraint calls_refused_have_reason check ((status = 'REFUSED') = (refusal is not null))
);
create index calls_by_caller on calls (caller_id, created_at desc);
create index calls_unfinished on calls (created_at) where status in ('INITIATED', 'RINGING', 'IN_PROGRESS');

-- Every provider callback once: (CallSid, status) is the idempotency key of status callbacks.
create table call_callbacks (
    call_sid    text        not null,
    status      text        not null,
    received_at timestamptz not null default now(),
    primary key (call_sid, status)
);

-- A person's contacts, dialled with one click.
create table contacts (
    id         uuid        primary key,
    owner_id   uuid        not null references users (id),
    name       text        not null check (length(name) between 1 and 100),
    number     text        not null,
    created_at timestamptz not null default now(),
    unique (owner_id, number)
);

-- Phone numbers a person proved they own, through Twilio's outgoing caller ID validation, to show as caller ID.
create table caller_ids (
    owner_id      uuid        primary key references users (id),
    number        text        not null,
    status        text        not null check (status in ('PENDING', 'VERIFIED', 'FAILED')),
    validation_sid text,
    created_at    timestamptz not null default now(),
    verified_at   timestamptz
);
