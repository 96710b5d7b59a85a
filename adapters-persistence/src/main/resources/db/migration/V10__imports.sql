-- CSV imports (issue 5): a job per upload. The file is stored here, in chunks of about 1 MB written
-- while the request is read, so any instance can run the job, also after a restart. A runner claims a
-- job (QUEUED, or RUNNING with an expired lease) with FOR UPDATE SKIP LOCKED, holds it by lease_until
-- and lease_token, and commits the counts and checkpoint_row (the last spreadsheet row done) in the
-- same transaction as each batch's deals and rejections.
create table import_job (
    id              uuid        not null primary key,
    workspace_id    uuid        not null references workspace (id) on delete cascade,
    status          varchar(9)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    actor_kind      varchar(6)  not null check (actor_kind in ('MEMBER', 'KEY')),
    actor_id        uuid        not null,
    actor_role      varchar(20),
    actor_scopes    text,
    file_name       varchar(255),
    file_bytes      bigint      not null check (file_bytes >= 0),
    rows_read       integer     not null default 0,
    created         integer     not null default 0,
    updated         integer     not null default 0,
    unchanged       integer     not null default 0,
    stale           integer     not null default 0,
    rejected        integer     not null default 0,
    checkpoint_row  integer     not null default 1,
    attempts        integer     not null default 0,
    lease_token     uuid,
    lease_until     timestamptz,
    error           text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz not null,
    unique (workspace_id, id)
);
-- The runners' claim: queued jobs oldest first, and running jobs whose lease expired.
create index import_job_claim_idx on import_job (status, lease_until, created_at)
    where status in ('QUEUED', 'RUNNING');

create table import_file_chunk (
    workspace_id uuid    not null,
    import_id    uuid    not null,
    seq          integer not null check (seq >= 0),
    data         bytea   not null,
    primary key (workspace_id, import_id, seq),
    foreign key (workspace_id, import_id) references import_job (workspace_id, id) on delete cascade
);

create table import_rejection (
    workspace_id uuid         not null,
    import_id    uuid         not null,
    row_number   integer      not null check (row_number > 1),
    field        varchar(100),
    code         varchar(100) not null,
    message      text         not null,
    primary key (workspace_id, import_id, row_number),
    foreign key (workspace_id, import_id) references import_job (workspace_id, id) on delete cascade
);
