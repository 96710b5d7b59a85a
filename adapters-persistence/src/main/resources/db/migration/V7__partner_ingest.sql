-- Partner ingest: deals pushed by CRMs carry the source system's time of the state Debrief holds,
-- analyses say who wrote them, and values Debrief could not resolve wait for triage.

-- The occurredAt of the newest partner state applied to the deal (null: never pushed).
-- An older or equal one is stale.
alter table deal add column source_occurred_at timestamptz;

-- Who wrote the analysis last: DEBRIEF (its own analysis API, a member or a key) or PARTNER (ingest).
-- Ingest never overwrites a DEBRIEF analysis.
alter table loss_analysis add column source varchar(8) not null default 'DEBRIEF'
    check (source in ('DEBRIEF', 'PARTNER'));
alter table loss_analysis alter column source drop default;

-- A partner-pushed analysis may list a reason whose controllability nobody decided yet (PARTLY by
-- default): it stays null while the analysis is PENDING_TRIAGE.
alter table loss_analysis_reason alter column controllable drop not null;
alter table loss_analysis add constraint loss_analysis_pending_ck check (status = 'PENDING_TRIAGE' or fit is not null);

-- Values a partner sent that match nothing in Debrief (an unknown owner email, stage name...): the deal
-- holds the field empty and this row keeps the partner's text until a mapping or a person resolves it.
create table deal_triage (
    workspace_id uuid         not null,
    deal_id      uuid         not null,
    field        varchar(16)  not null
        check (field in ('OWNER', 'TEAM', 'STAGE', 'SEGMENT', 'PERSONA', 'LEAD_SOURCE', 'STAGE_LOST_AT')),
    raw_value    varchar(320) not null,
    primary key (deal_id, field),
    constraint deal_triage_deal_fk foreign key (workspace_id, deal_id) references deal (workspace_id, id) on delete cascade
);
create index deal_triage_value_idx on deal_triage (workspace_id, field, lower(raw_value));
create index loss_analysis_pending_idx on loss_analysis (workspace_id) where current and status = 'PENDING_TRIAGE';
