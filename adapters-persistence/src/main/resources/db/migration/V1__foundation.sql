-- Debrief foundation schema. Every table carries workspace_id and every lookup path is indexed.
-- Ids are time-ordered UUIDs made by the application; there are no IDENTITY columns.
-- A committed migration is never edited: changes go in a new V<n>__*.sql.

create table workspace (
    id               uuid primary key,
    workspace_id     uuid not null generated always as (id) stored,
    name             varchar(200) not null,
    time_zone        varchar(64)  not null,
    default_currency varchar(3)   not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);

create table vocabulary_entry (
    id           uuid primary key,
    workspace_id uuid         not null references workspace (id) on delete cascade,
    kind         varchar(20)  not null check (kind in ('STAGE', 'SEGMENT', 'PERSONA', 'LEAD_SOURCE', 'TEAM')),
    code         varchar(64)  not null,
    name         varchar(100) not null,
    position     integer      not null,
    archived     boolean      not null default false,
    version      bigint       not null,
    constraint vocabulary_entry_code_uq unique (workspace_id, kind, code)
);
create unique index vocabulary_entry_name_uq on vocabulary_entry (workspace_id, kind, lower(name));
-- Deals and analyses reference an entry together with its workspace, so a reference can never cross workspaces.
create unique index vocabulary_entry_ws_id_uq on vocabulary_entry (workspace_id, id);

create table loss_reason (
    id                      uuid primary key,
    workspace_id            uuid         not null references workspace (id) on delete cascade,
    code                    varchar(64)  not null,
    name                    varchar(200) not null,
    category                varchar(20)  not null,
    default_controllability varchar(6)   not null check (default_controllability in ('YES', 'PARTLY', 'NO')),
    archived                boolean      not null default false,
    version                 bigint       not null,
    constraint loss_reason_code_uq unique (workspace_id, code)
);
create unique index loss_reason_name_uq on loss_reason (workspace_id, lower(name));
create unique index loss_reason_ws_id_uq on loss_reason (workspace_id, id);

create table deal (
    id                  uuid primary key,
    workspace_id        uuid          not null references workspace (id) on delete cascade,
    name                varchar(200)  not null,
    account             varchar(200),
    owner_id            uuid,
    owner_name          varchar(200),
    team_id             uuid,
    amount              numeric(15, 2) check (amount >= 0),
    currency            varchar(3),
    stage_id            uuid,
    segment_id          uuid,
    persona_id          uuid,
    lead_source_id      uuid,
    pitched_at          date,
    pitched_term_months integer check (pitched_term_months between 1 and 120),
    risk_tags           varchar(20)[] not null default '{}',
    competitor          varchar(200),
    external_source     varchar(50),
    external_id         varchar(200),
    outcome             varchar(12)   not null check (outcome in ('OPEN', 'WON', 'LOST', 'NO_DECISION')),
    closed_on           date,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null,
    constraint deal_amount_currency_ck check ((amount is null) = (currency is null)),
    constraint deal_closed_ck check ((outcome = 'OPEN') = (closed_on is null)),
    constraint deal_external_ck check ((external_source is null) = (external_id is null)),
    constraint deal_team_fk foreign key (workspace_id, team_id) references vocabulary_entry (workspace_id, id),
    constraint deal_stage_fk foreign key (workspace_id, stage_id) references vocabulary_entry (workspace_id, id),
    constraint deal_segment_fk foreign key (workspace_id, segment_id) references vocabulary_entry (workspace_id, id),
    constraint deal_persona_fk foreign key (workspace_id, persona_id) references vocabulary_entry (workspace_id, id),
    constraint deal_lead_source_fk foreign key (workspace_id, lead_source_id) references vocabulary_entry (workspace_id, id)
);
create unique index deal_external_reference_uq on deal (workspace_id, external_source, external_id)
    where external_source is not null;
create unique index deal_ws_id_uq on deal (workspace_id, id);
-- List orders (keyset pagination: sort value, then id).
create index deal_created_idx on deal (workspace_id, created_at, id);
create index deal_updated_idx on deal (workspace_id, updated_at, id);
create index deal_closed_idx on deal (workspace_id, closed_on, id);
create index deal_amount_idx on deal (workspace_id, amount, id);
create index deal_name_idx on deal (workspace_id, lower(name) collate "C", id);
-- Filters and foreign-key lookups.
create index deal_outcome_idx on deal (workspace_id, outcome);
create index deal_owner_idx on deal (workspace_id, owner_id);
create index deal_team_idx on deal (workspace_id, team_id);
create index deal_stage_idx on deal (workspace_id, stage_id);
create index deal_segment_idx on deal (workspace_id, segment_id);
create index deal_persona_idx on deal (workspace_id, persona_id);
create index deal_lead_source_idx on deal (workspace_id, lead_source_id);

create table loss_analysis (
    id                           uuid primary key,
    workspace_id                 uuid         not null,
    deal_id                      uuid         not null,
    current                      boolean      not null,
    status                       varchar(16)  not null check (status in ('COMPLETE', 'PENDING_TRIAGE')),
    stage_lost_at_id             uuid,
    fit                          varchar(16) check (fit in ('GOOD_FIT', 'WRONG_PROSPECT')),
    competitor                   varchar(200),
    what_happened                text,
    what_we_would_do_differently text,
    partner_reason_text          text,
    created_at                   timestamptz  not null,
    updated_at                   timestamptz  not null,
    constraint loss_analysis_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade,
    constraint loss_analysis_stage_fk foreign key (workspace_id, stage_lost_at_id) references vocabulary_entry (workspace_id, id)
);
-- A deal has at most one current analysis; superseded ones stay as history.
create unique index loss_analysis_current_uq on loss_analysis (deal_id) where current;
create index loss_analysis_deal_idx on loss_analysis (workspace_id, deal_id);
create index loss_analysis_stage_idx on loss_analysis (workspace_id, stage_lost_at_id);

create table loss_analysis_reason (
    analysis_id  uuid          not null references loss_analysis (id) on delete cascade,
    position     integer       not null,
    workspace_id uuid          not null,
    reason_id    uuid          not null,
    role         varchar(12)   not null check (role in ('PRIMARY', 'CONTRIBUTING')),
    controllable boolean       not null,
    note         varchar(2000),
    primary key (analysis_id, position),
    constraint loss_analysis_reason_uq unique (analysis_id, reason_id) deferrable initially deferred,
    constraint loss_analysis_reason_fk foreign key (workspace_id, reason_id) references loss_reason (workspace_id, id)
);
create index loss_analysis_reason_reason_idx on loss_analysis_reason (workspace_id, reason_id);

create table deal_outcome_change (
    id           uuid primary key,
    workspace_id uuid        not null,
    deal_id      uuid        not null,
    kind         varchar(10) not null check (kind in ('CLOSED', 'REOPENED')),
    outcome      varchar(12) not null,
    closed_on    date,
    analysis_id  uuid references loss_analysis (id),
    occurred_at  timestamptz not null,
    constraint deal_outcome_change_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade
);
create index deal_outcome_change_deal_idx on deal_outcome_change (workspace_id, deal_id, occurred_at, id);
create index deal_outcome_change_analysis_idx on deal_outcome_change (analysis_id);

-- A deleted deal's external reference, so a later partner push of it is not silently brought back.
create table deal_tombstone (
    workspace_id    uuid         not null references workspace (id) on delete cascade,
    external_source varchar(50)  not null,
    external_id     varchar(200) not null,
    deal_id         uuid         not null,
    deleted_at      timestamptz  not null,
    primary key (workspace_id, external_source, external_id)
);
