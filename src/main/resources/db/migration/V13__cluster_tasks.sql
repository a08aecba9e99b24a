-- Periodic work that must run once per cluster, not once per replica (docs/decisions/0033-replicas.md).
-- One row per task: a replica runs a period's work only when its conditional update moves next_run_at on, so
-- whichever replica wakes first runs it and the others find the row already moved. ran_by and runs say who did.
create table cluster_tasks (
    name        text        primary key,
    next_run_at timestamptz not null,
    ran_by      text        not null,
    ran_at      timestamptz not null,
    runs        bigint      not null default 1
);
