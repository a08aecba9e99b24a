-- Caller ID verification (docs/decisions/0014-caller-id.md).

-- Every request to verify a number, named in its status callback URL: the callback finds its request even when
-- it arrives before Twilio's answer was saved, and a number proved once stays proved for its owner (Twilio keeps
-- it verified on the account and would answer a second request with error 21450).
create table caller_id_requests (
    id                     uuid        primary key,
    owner_id               uuid        not null references users (id),
    number                 text        not null,
    status                 text        not null check (status in ('PENDING', 'VERIFIED', 'FAILED')),
    -- the carrier's reason when it refused to place the verification call, such as ALREADY_REGISTERED
    refusal                text,
    validation_sid         text,
    validation_code        text,
    outgoing_caller_id_sid text,
    created_at             timestamptz not null default now(),
    settled_at             timestamptz
);
create index caller_id_requests_proofs on caller_id_requests (owner_id, number) where status = 'VERIFIED';

-- The person's current caller ID is the outcome of one request.
alter table caller_ids add column request_id uuid references caller_id_requests (id);
