-- Sign-ins that outlive a replica (docs/decisions/0038-sign-ins-that-survive-a-replica.md): a browser holds
-- "series:token"; only a hash of the token is kept. Each use rotates the token; the one it replaced stays good for a
-- few seconds, for requests the browser sent at the same time. A token presented after that, or a wrong one, ends
-- the series. `credentials` is the fingerprint of the password the sign-in was made with (AccountPrincipal): a
-- changed or reset password ends every series made before it.
create table sign_in_tokens (
    series        text        primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    token_hash    bytea       not null,
    previous_hash bytea,
    rotated_at    timestamptz not null,
    credentials   text,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);

create index sign_in_tokens_user on sign_in_tokens (user_id);
create index sign_in_tokens_expiry on sign_in_tokens (expires_at);
