-- The sell rate deck: longest-prefix match on the digits of an E.164 number (docs/decisions/0012-rating.md).
create table rate_deck (
    prefix         text    not null check (prefix ~ '^[1-9][0-9]{0,14}$'),
    effective_from date    not null default '1970-01-01',
    country        char(2),
    description    text    not null,
    rate_cents     integer not null check (rate_cents > 0),
    primary key (prefix, effective_from)
);

-- Destinations the operator blocks on top of the built-in ones (premium rate, shared cost, satellite).
create table blocked_prefixes (
    prefix     text        primary key check (prefix ~ '^[1-9][0-9]{0,14}$'),
    reason     text        not null,
    created_by uuid,
    created_at timestamptz not null default now()
);

-- The account limits every call is checked against. One row, edited by operators.
create table destination_policy (
    id                          integer     primary key default 1 check (id = 1),
    daily_cap_cents             bigint      not null check (daily_cap_cents >= 0),
    new_account_daily_cap_cents bigint      not null check (new_account_daily_cap_cents >= 0),
    new_account_days            integer     not null check (new_account_days >= 0),
    max_concurrent_calls        integer     not null check (max_concurrent_calls >= 1),
    updated_at                  timestamptz not null default now(),
    updated_by                  uuid
);
insert into destination_policy (daily_cap_cents, new_account_daily_cap_cents, new_account_days, max_concurrent_calls)
values (2000, 500, 7, 1);

-- Who changed the policy, the blocked list or the deck, when, and what.
create table policy_changes (
    id          bigint generated always as identity primary key,
    area        text        not null,
    change      text        not null,
    operator_id uuid,
    created_at  timestamptz not null default now()
);
