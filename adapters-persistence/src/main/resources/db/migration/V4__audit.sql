-- The audit trail: one row per write, in the write's transaction.
create table audit_event (
    id             uuid primary key,
    workspace_id   uuid         not null references workspace (id) on delete cascade,
    occurred_at    timestamptz  not null,
    actor_kind     varchar(10)  not null check (actor_kind in ('MEMBER', 'API_KEY', 'SYSTEM')),
    actor_id       uuid,
    resource       varchar(40)  not null,
    resource_id    uuid,
    action         varchar(40)  not null,
    changed_fields varchar(40)[] not null default '{}',
    request_id     varchar(100)
);
-- Newest first, keyset by (occurred_at, id); filters by actor and resource.
create index audit_event_time_idx on audit_event (workspace_id, occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (workspace_id, actor_id, occurred_at desc, id desc);
create index audit_event_resource_idx on audit_event (workspace_id, resource, occurred_at desc, id desc);
