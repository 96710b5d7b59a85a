-- Lessons: things to do, learned from lost deals, with the deals they came from, where they apply,
-- the history of their statement and the members who endorse them.
create table lesson (
    id           uuid primary key,
    workspace_id uuid          not null references workspace (id) on delete cascade,
    statement    varchar(500)  not null,
    rationale    text,
    status       varchar(10)   not null check (status in ('PROPOSED', 'ADOPTED', 'RETIRED')),
    categories   varchar(20)[] not null default '{}',
    -- Kept by the endorse and withdraw statements themselves (+1 / -1 only when a row really changed).
    endorsements integer       not null default 0 check (endorsements >= 0),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null
);
create unique index lesson_ws_id_uq on lesson (workspace_id, id);
create index lesson_recent_idx on lesson (workspace_id, created_at desc, id desc);
create index lesson_endorsed_idx on lesson (workspace_id, endorsements desc, id desc);
create index lesson_status_idx on lesson (workspace_id, status);

-- The deals a lesson came from; a cited deal can't be deleted (deal.cited).
create table lesson_deal (
    lesson_id    uuid not null references lesson (id) on delete cascade,
    workspace_id uuid not null,
    deal_id      uuid not null,
    primary key (lesson_id, deal_id),
    constraint lesson_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id)
);
create index lesson_deal_deal_idx on lesson_deal (workspace_id, deal_id);

-- Where a lesson applies: segments, stages and personas (none of a kind: everywhere for that kind).
create table lesson_scope (
    lesson_id    uuid        not null references lesson (id) on delete cascade,
    workspace_id uuid        not null,
    kind         varchar(12) not null check (kind in ('SEGMENT', 'STAGE', 'PERSONA')),
    entry_id     uuid        not null,
    primary key (lesson_id, entry_id),
    constraint lesson_scope_entry_fk foreign key (workspace_id, entry_id) references vocabulary_entry (workspace_id, id)
);
create index lesson_scope_entry_idx on lesson_scope (workspace_id, entry_id);

create table lesson_statement_change (
    id           uuid primary key,
    workspace_id uuid         not null,
    lesson_id    uuid         not null references lesson (id) on delete cascade,
    statement    varchar(500) not null,
    replaced_at  timestamptz  not null
);
create index lesson_statement_change_idx on lesson_statement_change (lesson_id, replaced_at, id);

-- One endorsement per member and lesson: the primary key, not a check in Java.
create table lesson_endorsement (
    lesson_id    uuid        not null references lesson (id) on delete cascade,
    workspace_id uuid        not null,
    member_id    uuid        not null references member (id) on delete cascade,
    created_at   timestamptz not null,
    primary key (lesson_id, member_id)
);
create index lesson_endorsement_member_idx on lesson_endorsement (workspace_id, member_id);
