-- Who may do what: members of workspaces (people, by token issuer + subject) and API keys.

create table member (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    issuer       varchar(500) not null,
    subject      varchar(255) not null,
    email        varchar(320),
    display_name varchar(200) not null,
    role         varchar(10)  not null check (role in ('ADMIN', 'MANAGER', 'REP')),
    created_at   timestamptz  not null,
    constraint member_identity_uq unique (workspace_id, issuer, subject)
);
-- /me: a person's memberships across workspaces.
create index member_identity_idx on member (issuer, subject);

create table api_key (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    name         varchar(100) not null,
    prefix       varchar(8)   not null,
    secret_hash  bytea        not null check (octet_length(secret_hash) = 32),
    scopes       varchar(20)[] not null check (cardinality(scopes) > 0),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz  not null,
    constraint api_key_prefix_uq unique (prefix)
);
create index api_key_workspace_idx on api_key (workspace_id, created_at);
