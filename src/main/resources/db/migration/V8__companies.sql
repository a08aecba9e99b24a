-- Companies (docs/decisions/0016-companies.md): a company has one wallet, admins who fund it, and seats who call
-- on it within their own limits. Every member is a user row with company_id set; seats have no password.

create table companies (
    id              uuid        primary key,
    name            text        not null check (length(name) between 1 and 100),
    billing_country char(2)     not null,
    created_at      timestamptz not null default now()
);

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('INDIVIDUAL', 'SEAT', 'COMPANY_ADMIN', 'OPERATOR'));
-- A member belongs to one company for life: the id never changes, so it can travel in the signed-in principal.
alter table users add column company_id uuid references companies (id);
alter table users add constraint users_company_members check ((role in ('SEAT', 'COMPANY_ADMIN')) = (company_id is not null));
create index users_by_company on users (company_id) where company_id is not null;

-- What a member may spend. Admins call as seats of their own company too, so they have a row as well.
-- A null cap means "no cap of its own" (the company's wallet and the platform's policy still apply); a null
-- country list means every country the platform allows.
create table seats (
    user_id              uuid        primary key references users (id),
    company_id           uuid        not null references companies (id),
    status               text        not null check (status in ('INVITED', 'ACTIVE', 'DISABLED', 'REMOVED')),
    caller_id            text,
    daily_cap_cents      bigint      check (daily_cap_cents > 0),
    monthly_cap_cents    bigint      check (monthly_cap_cents > 0),
    countries            text[],
    max_concurrent_calls integer     not null default 1 check (max_concurrent_calls between 1 and 10),
    invited_by           uuid        references users (id),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index seats_by_company on seats (company_id, created_at);

-- Which seats have Mobayilo open: one row per seat and core instance that holds its event stream. A crashed
-- instance's rows go stale and stop counting after a while (see SeatPresence).
create table seat_presence (
    user_id     uuid        not null references users (id),
    instance_id uuid        not null,
    streams     integer     not null check (streams >= 0),
    seen_at     timestamptz not null default now(),
    primary key (user_id, instance_id)
);

-- Calls are counted per company for the dashboard and reports; set once, when the call is created.
alter table calls add column company_id uuid references companies (id);
create index calls_by_company on calls (company_id, created_at) where company_id is not null;

-- A sign-in link is bound to the address it was mailed to: if the account's email changes, the link dies.
alter table one_time_tokens add column email text;
