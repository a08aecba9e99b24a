-- Top-ups through Stripe Checkout (docs/decisions/0015-payments.md).

-- One purchase of credit: opened when the person chooses an amount, paid when Stripe says so. The wallet is
-- credited once, by the webhook, never by the success page.
create table top_ups (
    id                  uuid primary key,
    wallet_id           uuid        not null references wallets (id),
    payer_id            uuid        not null references users (id),
    amount_cents        bigint      not null check (amount_cents > 0),
    status              text        not null check (status in ('OPEN', 'PROCESSING', 'PAID', 'FAILED')),
    checkout_session_id text unique,
    payment_intent_id   text unique,
    card_brand          text,
    card_last4          text,
    refunded_cents      bigint      not null default 0 check (refunded_cents >= 0),
    language            text        not null default 'en',
    created_at          timestamptz not null default now(),
    paid_at             timestamptz
);

create index top_ups_by_wallet on top_ups (wallet_id, created_at desc);

-- Stripe events already applied: an event id is processed once, in the same transaction that records it.
create table stripe_events (
    id          text primary key,
    type        text        not null,
    received_at timestamptz not null default now()
);

-- Disputes of a top-up's charge: what was taken back, and whether it came back.
create table disputes (
    id           text primary key,
    top_up_id    uuid        not null references top_ups (id),
    amount_cents bigint      not null check (amount_cents > 0),
    status       text        not null check (status in ('OPEN', 'WON', 'LOST')),
    debited      boolean     not null default false,
    updated_at   timestamptz not null default now()
);
