-- Issue 17: live drop protection (docs/decisions/0031-live-drop-protection.md). In live mode nobody posts Voice Insights'
-- call summary, so each live call that could be a drop (answered, billed, ended within the window) is asked about at
-- Twilio's REST API until an answer or its deadline. One row per call, queued in the settlement's transaction, says
-- that it is being asked about and, once decided, how: a restart neither loses a call nor asks about it again.
create table call_summary_checks (
    call_id        uuid        primary key references calls (id),
    call_sid       text        not null unique,
    queued_at      timestamptz not null default now(),
    -- past this, a call with no summary is left as billed (never credited on missing data)
    deadline       timestamptz not null,
    -- questions asked so far; the job of the next one carries this number, so a repeated job changes nothing
    attempts       integer     not null default 0 check (attempts >= 0),
    last_answer    text,
    -- a REST failure (401, 429, 5xx, timeout) is logged once per call, then only recorded here
    problem_logged boolean     not null default false,
    outcome        text        check (outcome in ('CREDITED', 'REFUSED_DAILY_LIMIT', 'ALREADY_RECORDED', 'NOT_A_DROP', 'NOT_ENDED',
                                                  'UNKNOWN_CALL', 'NO_SUMMARY')),
    decided_at     timestamptz,
    constraint call_summary_checks_decided check ((outcome is null) = (decided_at is null))
);
create index call_summary_checks_pending on call_summary_checks (deadline) where outcome is null;
