-- The double-entry ledger (docs/decisions/0010-double-entry-ledger.md).

-- Customer wallets keep their balance and held amount on the row, changed only by conditional updates.
-- System accounts (clearing, revenue, ...) have no stored balance: theirs is the sum of their postings, so no
-- posting ever waits on a shared hot row.
create table wallets (
    id            uuid primary key,
    owner_type    text,
    owner_id      uuid,
    system_account text unique,
    currency      char(3)     not null default 'USD',
    balance_cents bigint      not null default 0,
    held_cents    bigint      not null default 0 check (held_cents >= 0),
    created_at    timestamptz not null default now(),
    constraint wallets_owner_unique unique (owner_type, owner_id),
    constraint wallets_owner_or_system check ((owner_id is null) <> (system_account is null))
);

insert into wallets (id, system_account) values
    ('00000000-0000-0000-0000-000000000001', 'PAYMENT_CLEARING'),
    ('00000000-0000-0000-0000-000000000002', 'CALL_REVENUE'),
    ('00000000-0000-0000-0000-000000000003', 'PROMOTIONS_ADJUSTMENTS'),
    ('00000000-0000-0000-0000-000000000004', 'REFUNDS_CHARGEBACKS');

create table journal_transactions (
    id              uuid primary key,
    kind            text        not null check (kind in ('TOP_UP', 'CALL_CHARGE', 'REFUND', 'CHARGEBACK', 'ADJUSTMENT', 'PROMOTION')),
    source_type     text        not null,
    source_ref      text        not null,
    memo            text        not null,
    idempotency_key text        not null unique,
    actor_id        uuid,
    created_at      timestamptz not null default now()
);

create table postings (
    id                  bigint generated always as identity primary key,
    transaction_id      uuid        not null references journal_transactions (id),
    wallet_id           uuid        not null references wallets (id),
    amount_cents        bigint      not null check (amount_cents <> 0),
    balance_after_cents bigint,
    created_at          timestamptz not null default now()
);
create index postings_by_wallet on postings (wallet_id, id);
create index postings_by_transaction on postings (transaction_id);

-- Postings and transactions are append-only: a mistake is corrected by another transaction.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is not allowed', tg_op, tg_table_name;
end $$;
create trigger postings_append_only before update or delete on postings
    for each row execute function ledger_append_only();
create trigger journal_transactions_append_only before update or delete on journal_transactions
    for each row execute function ledger_append_only();

-- Every transaction's postings sum to zero, checked when the database transaction commits.
create function ledger_transaction_balances() returns trigger language plpgsql as $$
declare
    total bigint;
    legs  integer;
begin
    select coalesce(sum(amount_cents), 0), count(*) into total, legs from postings where transaction_id = new.transaction_id;
    if total <> 0 or legs < 2 then
        raise exception 'journal transaction % does not balance: % over % postings', new.transaction_id, total, legs;
    end if;
    return null;
end $$;
create constraint trigger postings_balance after insert on postings
    deferrable initially deferred for each row execute function ledger_transaction_balances();

-- Holds reserve credit on a customer wallet until they are captured, released or expire.
create table holds (
    id              uuid primary key,
    wallet_id       uuid        not null references wallets (id),
    amount_cents    bigint      not null check (amount_cents > 0),
    reason          text        not null,
    reference       text,
    idempotency_key text        not null unique,
    status          text        not null check (status in ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED')),
    captured_cents  bigint,
    transaction_id  uuid references journal_transactions (id),
    expires_at      timestamptz not null,
    created_at      timestamptz not null default now(),
    settled_at      timestamptz
);
create index holds_active_by_wallet on holds (wallet_id) where status = 'ACTIVE';
create index holds_active_by_expiry on holds (expires_at) where status = 'ACTIVE';

-- The event log: every change the UI and API clients watch. After commit, the writing instance sends
-- NOTIFY mobayilo_events with the id; the row is the message (docs/decisions/0011-event-stream.md).
create table events (
    id         bigint generated always as identity primary key,
    stream     text        not null,
    type       text        not null,
    payload    jsonb       not null,
    created_at timestamptz not null default now()
);
create index events_by_stream on events (stream, id);

-- Personal API keys (shown once, stored as SHA-256) and the short-lived keys the UI uses to follow a user's
-- event stream on the core.
create table api_keys (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    kind         text        not null check (kind in ('PERSONAL', 'UI_SESSION')),
    name         text        not null,
    prefix       text        not null,
    key_hash     bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_keys_by_user on api_keys (user_id, created_at);
