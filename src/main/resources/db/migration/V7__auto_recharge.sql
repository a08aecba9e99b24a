-- Auto-recharge (opt-in): when available credit falls below a threshold, the card saved at a checkout is charged
-- off-session for a chosen amount, never past a monthly ceiling (docs/decisions/0015-payments.md).

alter table top_ups add column origin text not null default 'CHECKOUT' check (origin in ('CHECKOUT', 'AUTO_RECHARGE'));
alter table top_ups add column saves_card boolean not null default false;
alter table top_ups add column failure_code text;

create table auto_recharges (
    wallet_id          uuid        primary key references wallets (id),
    payer_id           uuid        not null references users (id),
    enabled            boolean     not null,
    threshold_cents    bigint      not null check (threshold_cents >= 0),
    amount_cents       bigint      not null check (amount_cents > 0),
    ceiling_cents      bigint      not null check (ceiling_cents >= amount_cents),
    customer_id        text,
    payment_method_id  text,
    card_top_up_id     uuid        references top_ups (id),
    disabled_reason    text,
    updated_at         timestamptz not null default now()
);

-- Auto-recharge charges of a wallet in a month, for the ceiling.
create index top_ups_auto_by_wallet on top_ups (wallet_id, created_at) where origin = 'AUTO_RECHARGE';
