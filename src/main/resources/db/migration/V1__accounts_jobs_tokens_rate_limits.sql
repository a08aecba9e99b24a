-- Individual accounts. Emails are stored normalised (trimmed, lower case) and are unique.
create table users (
    id                uuid primary key,
    email             text        not null,
    full_name         text        not null,
    password_hash     text,
    home_country      char(2)     not null,
    locale            text        not null default 'en',
    role              text        not null check (role in ('INDIVIDUAL', 'OPERATOR')),
    email_verified_at timestamptz,
    created_at        timestamptz not null default now(),
    constraint users_email_unique unique (email)
);

-- One-time tokens (email verification, password reset, sign-in links). Only a SHA-256 hash of the token is
-- kept; consuming sets consumed_at in one conditional update, so a token works once.
create table one_time_tokens (
    token_hash  bytea       primary key,
    purpose     text        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    expires_at  timestamptz not null,
    consumed_at timestamptz,
    created_at  timestamptz not null default now()
);
create index one_time_tokens_expiry on one_time_tokens (expires_at);

-- The job queue: workers on any instance claim due jobs with FOR UPDATE SKIP LOCKED.
create table jobs (
    id           bigint generated always as identity primary key,
    type         text        not null,
    payload      jsonb       not null,
    run_at       timestamptz not null default now(),
    attempts     integer     not null default 0,
    max_attempts integer     not null default 8,
    locked_until timestamptz,
    last_error   text,
    done_at      timestamptz,
    failed_at    timestamptz,
    created_at   timestamptz not null default now()
);
create index jobs_due on jobs (run_at) where done_at is null and failed_at is null;

-- Token-bucket state for rate limits, shared by every instance (Bucket4j compare-and-swap).
create table rate_limit_buckets (
    key        text        primary key,
    state      bytea       not null,
    expires_at timestamptz not null
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
