-- Answers of requests sent with an Idempotency-Key, kept for replay until expires_at (24 hours by
-- default, DEBRIEF_IDEMPOTENCY_RETENTION). Keys belong to one caller: a member or an API key of the
-- workspace. A row is written in the same transaction as the request's own writes, so it exists
-- exactly when they committed. In-flight requests are held by a transaction-level advisory lock,
-- not by a row. (V7 belongs to the deal-ingest change and lands with or before this one.)
create table idempotency_key (
    workspace_id uuid         not null references workspace (id) on delete cascade,
    caller_kind  varchar(6)   not null check (caller_kind in ('MEMBER', 'KEY')),
    caller_id    uuid         not null,
    key          varchar(255) not null check (length(key) > 0),
    fingerprint  char(64)     not null,
    status       smallint     not null check (status between 100 and 599),
    body         text,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null check (expires_at > created_at),
    primary key (workspace_id, caller_kind, caller_id, key)
);
-- The purge: delete where expires_at <= now, in chunks.
create index idempotency_key_expires_idx on idempotency_key (expires_at);
